// The optimizer's update of every parameter, elementwise (so each seed's own), in place.
import { Header, Layer, Optimizer } from '../abi';
import { field, real, word } from './plan';

/**
 * SGD, SGD with momentum or Adam (tfjs's formulas and order) over every layer's weights then bias.
 * Four parameters at a time: every lane does exactly the scalar operations (IEEE multiply, add,
 * divide and square root round the same in a lane as alone), then the tail one by one.
 */
export function update(plan: usize, lr: f32, t: i32): void {
  const S = word(plan, Header.Seeds);
  const L = word(plan, Header.Layers);
  for (let l = 0; l < L; l++) {
    const n = S * field(plan, l, Layer.Out);
    updateParameter(plan, field(plan, l, Layer.In) * n, l, Layer.Weights, Layer.WeightGrads, Layer.WeightFirst, Layer.WeightSecond, lr, t);
    updateParameter(plan, n, l, Layer.Bias, Layer.BiasGrads, Layer.BiasFirst, Layer.BiasSecond, lr, t);
  }
}

/** One parameter tensor of n floats, with its gradient and the optimizer's two states (named by descriptor fields). */
function updateParameter(plan: usize, n: i32, l: i32, param: i32, grad: i32, first: i32, second: i32, lr: f32, t: i32): void {
  const kind = word(plan, Header.Optimizer);
  const beta1 = real(plan, Header.Beta1);
  const beta2 = real(plan, Header.Beta2);
  const eps = real(plan, Header.Epsilon);
  const momentum = real(plan, Header.Momentum);
  const c1: f32 = 1 - Mathf.pow(beta1, <f32>t);
  const c2: f32 = 1 - Mathf.pow(beta2, <f32>t);
  const lrv = f32x4.splat(lr), mov = f32x4.splat(momentum), b1v = f32x4.splat(beta1), ob1 = f32x4.splat(1 - beta1);
  const b2v = f32x4.splat(beta2), ob2 = f32x4.splat(1 - beta2), c1v = f32x4.splat(c1), c2v = f32x4.splat(c2), epsv = f32x4.splat(eps);
  const w = <usize>field(plan, l, param);
  const g = <usize>field(plan, l, grad);
  const m = <usize>field(plan, l, first);
  const v = <usize>field(plan, l, second);
  const n4 = n & ~3;
  for (let i = 0; i < n4; i += 4) {
    const o = <usize>i << 2;
    const gi = v128.load(g + o);
    if (kind == Optimizer.Sgd) {
      v128.store(w + o, f32x4.sub(v128.load(w + o), f32x4.mul(gi, lrv)));
    } else if (kind == Optimizer.Momentum) {
      const vi = f32x4.add(f32x4.mul(v128.load(m + o), mov), gi);
      v128.store(m + o, vi);
      v128.store(w + o, f32x4.sub(v128.load(w + o), f32x4.mul(vi, lrv)));
    } else {
      const mi = f32x4.add(f32x4.mul(v128.load(m + o), b1v), f32x4.mul(gi, ob1));
      const vi = f32x4.add(f32x4.mul(v128.load(v + o), b2v), f32x4.mul(f32x4.mul(gi, gi), ob2));
      v128.store(m + o, mi);
      v128.store(v + o, vi);
      const step = f32x4.mul(f32x4.div(f32x4.div(mi, c1v), f32x4.add(f32x4.sqrt(f32x4.div(vi, c2v)), epsv)), lrv);
      v128.store(w + o, f32x4.sub(v128.load(w + o), step));
    }
  }
  for (let i = n4; i < n; i++) {
    const o = <usize>i << 2;
    const gi = load<f32>(g + o);
    if (kind == Optimizer.Sgd) {
      store<f32>(w + o, load<f32>(w + o) - gi * lr);
    } else if (kind == Optimizer.Momentum) {
      const vi = load<f32>(m + o) * momentum + gi;
      store<f32>(m + o, vi);
      store<f32>(w + o, load<f32>(w + o) - vi * lr);
    } else {
      const mi = load<f32>(m + o) * beta1 + gi * (1 - beta1);
      const vi = load<f32>(v + o) * beta2 + gi * gi * (1 - beta2);
      store<f32>(m + o, mi);
      store<f32>(v + o, vi);
      store<f32>(w + o, load<f32>(w + o) - ((mi / c1) / (Mathf.sqrt(vi / c2) + eps)) * lr);
    }
  }
}
