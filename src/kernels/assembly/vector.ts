// Vector primitives of the fused kernels (WASM SIMD, four f32 lanes): the sums every layer is
// made of, each in the fixed order mlp.ts documents. tests/kernelPrimitives.test.ts holds each to
// an independent scalar reference, bit for bit.

@inline export function hsum(v: v128): f32 {
  return (f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1)) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
}

/**
 * hsum of four accumulators at once, as lanes [hsum(a0), hsum(a1), hsum(a2), hsum(a3)]: pairs of
 * lanes add first ((l0 + l1) and (l2 + l3), side by side), then the pairs, so every lane is the
 * very sum hsum() makes.
 */
@inline export function hsum4(a0: v128, a1: v128, a2: v128, a3: v128): v128 {
  const p01 = f32x4.add(v128.shuffle<f32>(a0, a1, 0, 2, 4, 6), v128.shuffle<f32>(a0, a1, 1, 3, 5, 7));
  const p23 = f32x4.add(v128.shuffle<f32>(a2, a3, 0, 2, 4, 6), v128.shuffle<f32>(a2, a3, 1, 3, 5, 7));
  return f32x4.add(v128.shuffle<f32>(p01, p23, 0, 2, 4, 6), v128.shuffle<f32>(p01, p23, 1, 3, 5, 7));
}

/** Lanes [w[i], w[i] one row on, two rows on, three rows on]: column i of four weight rows. */
@inline export function column4(w: usize, stride: usize, o: usize): v128 {
  let c = f32x4.splat(load<f32>(w + o));
  c = f32x4.replace_lane(c, 1, load<f32>(w + stride + o));
  c = f32x4.replace_lane(c, 2, load<f32>(w + 2 * stride + o));
  return f32x4.replace_lane(c, 3, load<f32>(w + 3 * stride + o));
}

/** Σ a[i] * b[i] over n floats, in the fixed order above. */
@inline export function dot(a: usize, b: usize, n: i32): f32 {
  const n4 = n & ~3;
  let acc = f32x4.splat(0);
  for (let i = 0; i < n4; i += 4) acc = f32x4.add(acc, f32x4.mul(v128.load(a + (<usize>i << 2)), v128.load(b + (<usize>i << 2))));
  let sum = hsum(acc);
  for (let i = n4; i < n; i++) sum += load<f32>(a + (<usize>i << 2)) * load<f32>(b + (<usize>i << 2));
  return sum;
}

/**
 * Four dot products of the rows at w, w + n, w + 2n, w + 3n with x, each summed exactly as dot()
 * sums it (so the results are bit-identical to four dot() calls), sharing the loads of x. Writes
 * them, each plus its bias, to out[0..3].
 */
@inline export function dot4(w: usize, x: usize, n: i32, bias: usize, out: usize): void {
  const n4 = n & ~3;
  const stride = <usize>n << 2;
  let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
  for (let i = 0; i < n4; i += 4) {
    const o = <usize>i << 2;
    const xv = v128.load(x + o);
    a0 = f32x4.add(a0, f32x4.mul(v128.load(w + o), xv));
    a1 = f32x4.add(a1, f32x4.mul(v128.load(w + stride + o), xv));
    a2 = f32x4.add(a2, f32x4.mul(v128.load(w + 2 * stride + o), xv));
    a3 = f32x4.add(a3, f32x4.mul(v128.load(w + 3 * stride + o), xv));
  }
  // The four sums side by side; each lane then takes its row's remaining terms and bias, as dot() would.
  let sums = hsum4(a0, a1, a2, a3);
  for (let i = n4; i < n; i++) {
    const o = <usize>i << 2;
    sums = f32x4.add(sums, f32x4.mul(column4(w, stride, o), f32x4.splat(load<f32>(x + o))));
  }
  v128.store(out, f32x4.add(sums, v128.load(bias)));
}

/** dot4 for two inputs at once (x and y), sharing the loads of the four rows; each sum as dot() sums it. */
@inline export function dot4x2(w: usize, x: usize, y: usize, n: i32, bias: usize, outX: usize, outY: usize): void {
  const n4 = n & ~3;
  const stride = <usize>n << 2;
  let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
  let c0 = f32x4.splat(0), c1 = f32x4.splat(0), c2 = f32x4.splat(0), c3 = f32x4.splat(0);
  for (let i = 0; i < n4; i += 4) {
    const o = <usize>i << 2;
    const xv = v128.load(x + o);
    const yv = v128.load(y + o);
    const w0 = v128.load(w + o), w1 = v128.load(w + stride + o), w2 = v128.load(w + 2 * stride + o), w3 = v128.load(w + 3 * stride + o);
    a0 = f32x4.add(a0, f32x4.mul(w0, xv));
    a1 = f32x4.add(a1, f32x4.mul(w1, xv));
    a2 = f32x4.add(a2, f32x4.mul(w2, xv));
    a3 = f32x4.add(a3, f32x4.mul(w3, xv));
    c0 = f32x4.add(c0, f32x4.mul(w0, yv));
    c1 = f32x4.add(c1, f32x4.mul(w1, yv));
    c2 = f32x4.add(c2, f32x4.mul(w2, yv));
    c3 = f32x4.add(c3, f32x4.mul(w3, yv));
  }
  let sx = hsum4(a0, a1, a2, a3);
  let sy = hsum4(c0, c1, c2, c3);
  for (let i = n4; i < n; i++) {
    const o = <usize>i << 2;
    const col = column4(w, stride, o);
    sx = f32x4.add(sx, f32x4.mul(col, f32x4.splat(load<f32>(x + o))));
    sy = f32x4.add(sy, f32x4.mul(col, f32x4.splat(load<f32>(y + o))));
  }
  const bv = v128.load(bias);
  v128.store(outX, f32x4.add(sx, bv));
  v128.store(outY, f32x4.add(sy, bv));
}

/** y[i] += a * x[i] over n floats. */
@inline export function axpy(y: usize, a: f32, x: usize, n: i32): void {
  const n4 = n & ~3;
  const av = f32x4.splat(a);
  for (let i = 0; i < n4; i += 4) {
    const o = <usize>i << 2;
    v128.store(y + o, f32x4.add(v128.load(y + o), f32x4.mul(av, v128.load(x + o))));
  }
  for (let i = n4; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(y + o, load<f32>(y + o) + a * load<f32>(x + o));
  }
}
