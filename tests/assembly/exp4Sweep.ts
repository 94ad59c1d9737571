// AssemblyScript entry of tests/exp4.test.ts: exp4 (the kernels' four-lane exp) against the scalar
// Mathf.exp it claims to reproduce bit for bit, over inputs given by their bit patterns.
import { exp4 } from '../../src/kernels/assembly/exp4';

/** The first input (bit pattern) whose lane differed, or 0. */
export let firstMismatch: u32 = 0;

/**
 * Compares exp4 with Mathf.exp on the `count` inputs start, start + step, ... (bit patterns, wrapping
 * at 2^32), each in every lane position beside other inputs of the sweep. Returns how many lane
 * results differed in any bit (four checks an input).
 */
export function mismatches(start: u32, step: u32, count: u32): u32 {
  let differing: u32 = 0;
  for (let i: u32 = 0; i < count; i++) {
    const bits = start + i * step;
    const x = reinterpret<f32>(bits);
    const expected = reinterpret<u32>(Mathf.exp(x));
    // Its neighbours in the other lanes: the next inputs of the sweep.
    const a = reinterpret<f32>(bits + step), b = reinterpret<f32>(bits + 2 * step), c = reinterpret<f32>(bits + 3 * step);
    let v = f32x4.splat(a);
    v = f32x4.replace_lane(v, 1, b);
    v = f32x4.replace_lane(v, 2, c);
    const got0 = f32x4.extract_lane(exp4(f32x4.replace_lane(v, 0, x)), 0);
    const got1 = f32x4.extract_lane(exp4(f32x4.replace_lane(v, 1, x)), 1);
    const got2 = f32x4.extract_lane(exp4(f32x4.replace_lane(v, 2, x)), 2);
    const got3 = f32x4.extract_lane(exp4(f32x4.replace_lane(v, 3, x)), 3);
    if (reinterpret<u32>(got0) != expected) differing++;
    if (reinterpret<u32>(got1) != expected) differing++;
    if (reinterpret<u32>(got2) != expected) differing++;
    if (reinterpret<u32>(got3) != expected) differing++;
    if (differing != 0 && firstMismatch == 0) firstMismatch = bits;
  }
  return differing;
}
