// AssemblyScript entry of tests/kernelPrimitives.test.ts: the fused kernels' primitives, each
// exported as it is compiled into the kernels, on memory the test fills; and the scalar Mathf
// functions the test's references call (the definitions the kernels' transcendental steps follow).
import { activateRow as activateRowKernel, activationGradient as activationGradientKernel } from '../../src/kernels/assembly/activation';
import { inputGradient as inputGradientKernel, parameterGradients as parameterGradientsKernel } from '../../src/kernels/assembly/dense';
import { update as updateKernel } from '../../src/kernels/assembly/optimizer';
import { crossEntropy as crossEntropyKernel, predictedClass as predictedClassKernel } from '../../src/kernels/assembly/softmaxCrossEntropy';
import { axpy as axpyKernel, dot as dotKernel, dot4 as dot4Kernel, dot4x2 as dot4x2Kernel } from '../../src/kernels/assembly/vector';

export function dot(a: usize, b: usize, n: i32): f32 {
  return dotKernel(a, b, n);
}
export function dot4(w: usize, x: usize, n: i32, bias: usize, out: usize): void {
  dot4Kernel(w, x, n, bias, out);
}
export function dot4x2(w: usize, x: usize, y: usize, n: i32, bias: usize, outX: usize, outY: usize): void {
  dot4x2Kernel(w, x, y, n, bias, outX, outY);
}
export function axpy(y: usize, a: f32, x: usize, n: i32): void {
  axpyKernel(y, a, x, n);
}
export function activateRow(kind: i32, out: usize, n: i32, mask: usize): void {
  activateRowKernel(kind, out, n, mask);
}
export function activationGradient(kind: i32, input: usize, back: usize, mask: usize, below: usize, n: i32): void {
  activationGradientKernel(kind, input, back, mask, below, n);
}
export function crossEntropy(z: usize, C: i32, label: i32): f32 {
  return crossEntropyKernel(z, C, label);
}
export function predictedClass(z: usize, C: i32): i32 {
  return predictedClassKernel(z, C);
}
export function update(plan: usize, lr: f32, t: i32): void {
  updateKernel(plan, lr, t);
}
export function inputGradient(plan: usize, l: i32, s: i32, delta: usize, back: usize): void {
  inputGradientKernel(plan, l, s, delta, back);
}
export function parameterGradients(plan: usize, l: i32, s: i32, rows: i32, rowActs: usize, rowDeltas: usize, rowFloats: i32): void {
  parameterGradientsKernel(plan, l, s, rows, rowActs, rowDeltas, rowFloats);
}

export function mathExp(x: f32): f32 {
  return Mathf.exp(x);
}
export function mathLog(x: f32): f32 {
  return Mathf.log(x);
}
export function mathTanh(x: f32): f32 {
  return Mathf.tanh(x);
}
export function mathPow(x: f32, y: f32): f32 {
  return Mathf.pow(x, y);
}
