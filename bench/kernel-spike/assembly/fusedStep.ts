// Spike: one fused training step of S stacked MLPs (in -> hidden relu -> out, softmax CE, Adam),
// f32 with WASM SIMD, fixed summation order. All arrays live in linear memory at offsets the host
// passes. Layouts: x [S,B,I], y [S,B,O] one-hot, parameters per seed [W1 (H,I), b1 (H), W2 (O,H), b2 (O)];
// grads and Adam moments have the parameters' layout; scratch h [B,H], dz [B,O], dh [H].

// Horizontal sum in a fixed order: (l0 + l1) + (l2 + l3).
@inline function hsum(v: v128): f32 {
  return (f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1)) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
}

export function step(
  S: i32, B: i32, I: i32, H: i32, O: i32,
  x: usize, y: usize, w1: usize,
  g: usize, m: usize, v: usize, P: i32,
  h: usize, dz: usize, dh: usize,
  lr: f32, beta1: f32, beta2: f32, eps: f32, c1: f32, c2: f32,
): void {
  const perSeed = H * I + H + O * H + O;
  // zero grads
  const gEnd = g + <usize>(P << 2);
  for (let p = g; p < gEnd; p += 16) v128.store(p, f32x4.splat(0));
  const invB: f32 = 1.0 / <f32>B;
  for (let s = 0; s < S; s++) {
    const W1 = w1 + <usize>((s * perSeed) << 2);
    const B1 = W1 + <usize>((H * I) << 2);
    const W2 = B1 + <usize>(H << 2);
    const B2 = W2 + <usize>((O * H) << 2);
    const G = g + <usize>((s * perSeed) << 2); // this seed's grads: gW1, gB1, gW2, gB2 contiguous
    const GW1 = G;
    const GB1 = GW1 + <usize>((H * I) << 2);
    const GW2 = GB1 + <usize>(H << 2);
    const GB2 = GW2 + <usize>((O * H) << 2);
    for (let r = 0; r < B; r++) {
      const X = x + <usize>(((s * B + r) * I) << 2);
      const Y = y + <usize>(((s * B + r) * O) << 2);
      const Hr = h + <usize>((r * H) << 2);
      // layer 1: h = relu(W1 x + b1)
      for (let j = 0; j < H; j++) {
        const row = W1 + <usize>((j * I) << 2);
        let acc = f32x4.splat(0);
        for (let i = 0; i < I; i += 4) acc = f32x4.add(acc, f32x4.mul(v128.load(row + <usize>(i << 2)), v128.load(X + <usize>(i << 2))));
        const a = hsum(acc) + load<f32>(B1 + <usize>(j << 2));
        store<f32>(Hr + <usize>(j << 2), a > 0 ? a : 0);
      }
      // layer 2 logits, softmax, dz = (p - y) / B
      const Dz = dz + <usize>((r * O) << 2);
      let maxz: f32 = -Infinity;
      for (let k = 0; k < O; k++) {
        const row = W2 + <usize>((k * H) << 2);
        let acc = f32x4.splat(0);
        for (let j = 0; j < H; j += 4) acc = f32x4.add(acc, f32x4.mul(v128.load(row + <usize>(j << 2)), v128.load(Hr + <usize>(j << 2))));
        const z = hsum(acc) + load<f32>(B2 + <usize>(k << 2));
        store<f32>(Dz + <usize>(k << 2), z);
        if (z > maxz) maxz = z;
      }
      let sum: f32 = 0;
      for (let k = 0; k < O; k++) {
        const e = Mathf.exp(load<f32>(Dz + <usize>(k << 2)) - maxz);
        store<f32>(Dz + <usize>(k << 2), e);
        sum += e;
      }
      for (let k = 0; k < O; k++) {
        const p = load<f32>(Dz + <usize>(k << 2)) / sum;
        store<f32>(Dz + <usize>(k << 2), (p - load<f32>(Y + <usize>(k << 2))) * invB);
      }
      // backward layer 2: gW2 += dz h^T, gB2 += dz, dh = W2^T dz (masked by relu)
      for (let j = 0; j < H; j += 4) v128.store(dh + <usize>(j << 2), f32x4.splat(0));
      for (let k = 0; k < O; k++) {
        const d = load<f32>(Dz + <usize>(k << 2));
        const dv = f32x4.splat(d);
        const grow = GW2 + <usize>((k * H) << 2);
        const wrow = W2 + <usize>((k * H) << 2);
        for (let j = 0; j < H; j += 4) {
          const o = <usize>(j << 2);
          v128.store(grow + o, f32x4.add(v128.load(grow + o), f32x4.mul(dv, v128.load(Hr + o))));
          v128.store(dh + o, f32x4.add(v128.load(dh + o), f32x4.mul(dv, v128.load(wrow + o))));
        }
        store<f32>(GB2 + <usize>(k << 2), load<f32>(GB2 + <usize>(k << 2)) + d);
      }
      // backward layer 1: gW1 += dh x^T, gB1 += dh
      for (let j = 0; j < H; j++) {
        const hj = load<f32>(Hr + <usize>(j << 2));
        if (hj <= 0) continue;
        const d = load<f32>(dh + <usize>(j << 2));
        const dv = f32x4.splat(d);
        const grow = GW1 + <usize>((j * I) << 2);
        for (let i = 0; i < I; i += 4) {
          const o = <usize>(i << 2);
          v128.store(grow + o, f32x4.add(v128.load(grow + o), f32x4.mul(dv, v128.load(X + o))));
        }
        store<f32>(GB1 + <usize>(j << 2), load<f32>(GB1 + <usize>(j << 2)) + d);
      }
    }
  }
  // Adam over every parameter (params laid out like the grads: this spike keeps them in one array).
  const b1v = f32x4.splat(beta1), ob1 = f32x4.splat(1 - beta1), b2v = f32x4.splat(beta2), ob2 = f32x4.splat(1 - beta2);
  const c1v = f32x4.splat(c1), c2v = f32x4.splat(c2), epsv = f32x4.splat(eps), lrv = f32x4.splat(lr);
  for (let p = 0; p < P; p += 4) {
    const o = <usize>(p << 2);
    const gv = v128.load(g + o);
    const mv = f32x4.add(f32x4.mul(v128.load(m + o), b1v), f32x4.mul(gv, ob1));
    const vv = f32x4.add(f32x4.mul(v128.load(v + o), b2v), f32x4.mul(f32x4.mul(gv, gv), ob2));
    v128.store(m + o, mv);
    v128.store(v + o, vv);
    const upd = f32x4.mul(f32x4.div(f32x4.div(mv, c1v), f32x4.add(f32x4.sqrt(f32x4.div(vv, c2v)), epsv)), lrv);
    // params are contiguous at w1 in this spike (the host lays every parameter out as the grads are)
    v128.store(w1 + o, f32x4.sub(v128.load(w1 + o), upd));
  }
}

// The machine's f32x4 multiply-add rate without memory traffic: eight independent accumulator
// chains (so the latency of one does not stall the next), 64 FLOP per iteration.
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
  return hsum(f32x4.add(f32x4.add(f32x4.add(a0, a1), f32x4.add(a2, a3)), f32x4.add(f32x4.add(a4, a5), f32x4.add(a6, a7))));
}
