// Part of the fused kernels (softmaxCrossEntropy.ts), on its own so tests/exp4.test.ts can compare it with
// Mathf.exp over a sweep of inputs.

/**
 * Mathf.exp of four lanes, bit for bit: the steps of AssemblyScript's Mathf.exp at shrink level 1
 * (musl's expf: k = round(x / ln 2), x - k ln 2 in two parts, a rational approximation, times 2^k),
 * each lane doing the scalar operations in the scalar order. Lanes where the scalar code takes
 * another branch are selected: |x| <= 2^-14 gives 1 + x; a k of 0 leaves x as it is (x - 0 * ln2hi
 * and x - 0 are x), and 2^k is one exact multiply for |x| < 87.34 (|k| <= 126). When any lane is
 * larger (or NaN), all four go through Mathf.exp itself.
 */
@inline export function exp4(x: v128): v128 {
  const hx = v128.and(x, i32x4.splat(0x7fffffff));
  if (v128.any_true(i32x4.ge_s(hx, i32x4.splat(0x42aeac50)))) {
    let out = f32x4.splat(Mathf.exp(f32x4.extract_lane(x, 0)));
    out = f32x4.replace_lane(out, 1, Mathf.exp(f32x4.extract_lane(x, 1)));
    out = f32x4.replace_lane(out, 2, Mathf.exp(f32x4.extract_lane(x, 2)));
    return f32x4.replace_lane(out, 3, Mathf.exp(f32x4.extract_lane(x, 3)));
  }
  const ln2hi = f32x4.splat(reinterpret<f32>(0x3f317200));
  const ln2lo = f32x4.splat(reinterpret<f32>(0x35bfbe8e));
  const invln2 = f32x4.splat(reinterpret<f32>(0x3fb8aa3b));
  const P1 = f32x4.splat(reinterpret<f32>(0x3e2aaa8f));
  const P2 = f32x4.splat(reinterpret<f32>(0xbb355215));
  const one = f32x4.splat(1);
  // k: trunc(x / ln 2 + copysign(0.5, x)) above |x| 1.0397; 1 - 2 sign above 0.3466; else 0.
  const halfWithSign = v128.or(v128.and(x, i32x4.splat(0x80000000)), f32x4.splat(0.5));
  const kFar = i32x4.trunc_sat_f32x4_s(f32x4.add(f32x4.mul(invln2, x), halfWithSign));
  const kNear = i32x4.sub(i32x4.splat(1), i32x4.shl(i32x4.shr_u(x, 31), 1));
  const near = i32x4.gt_s(hx, i32x4.splat(0x3eb17218));
  const k = v128.bitselect(kFar, v128.and(kNear, near), i32x4.gt_s(hx, i32x4.splat(0x3f851592)));
  const kf = f32x4.convert_i32x4_s(k);
  const hi = f32x4.sub(x, f32x4.mul(kf, ln2hi));
  const lo = f32x4.mul(kf, ln2lo);
  const r = f32x4.sub(hi, lo);
  const rr = f32x4.mul(r, r);
  const c = f32x4.sub(r, f32x4.mul(rr, f32x4.add(P1, f32x4.mul(rr, P2))));
  const y = f32x4.add(one, f32x4.add(f32x4.sub(f32x4.div(f32x4.mul(r, c), f32x4.sub(f32x4.splat(2), c)), lo), hi));
  const scaled = f32x4.mul(y, i32x4.shl(i32x4.add(k, i32x4.splat(0x7f)), 23));
  return v128.bitselect(f32x4.add(one, x), scaled, i32x4.le_s(hx, i32x4.splat(0x39000000)));
}
