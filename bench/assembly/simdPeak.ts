// The core's f32x4 multiply-add rate without memory traffic, for `npm run bench` (bench/sideBySide.ts):
// eight independent accumulator chains (so the latency of one does not stall the next), 64 FLOP
// per iteration. The kernels' share of it is how close they come to what the core can do.
export function peak(n: i32): f32 {
  const mul = f32x4.splat(0.999999);
  const add = f32x4.splat(1e-7);
  let a0 = f32x4.splat(1), a1 = f32x4.splat(2), a2 = f32x4.splat(3), a3 = f32x4.splat(4);
  let a4 = f32x4.splat(5), a5 = f32x4.splat(6), a6 = f32x4.splat(7), a7 = f32x4.splat(8);
  for (let i = 0; i < n; i++) {
    a0 = f32x4.add(f32x4.mul(a0, mul), add);
    a1 = f32x4.add(f32x4.mul(a1, mul), add);
    a2 = f32x4.add(f32x4.mul(a2, mul), add);
    a3 = f32x4.add(f32x4.mul(a3, mul), add);
    a4 = f32x4.add(f32x4.mul(a4, mul), add);
    a5 = f32x4.add(f32x4.mul(a5, mul), add);
    a6 = f32x4.add(f32x4.mul(a6, mul), add);
    a7 = f32x4.add(f32x4.mul(a7, mul), add);
  }
  const sum = f32x4.add(f32x4.add(f32x4.add(a0, a1), f32x4.add(a2, a3)), f32x4.add(f32x4.add(a4, a5), f32x4.add(a6, a7)));
  return f32x4.extract_lane(sum, 0) + f32x4.extract_lane(sum, 1) + f32x4.extract_lane(sum, 2) + f32x4.extract_lane(sum, 3);
}
