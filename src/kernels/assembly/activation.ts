// The hidden layers' activation, forward and backward, with dropout's mask. Relu runs four lanes
// at a time, each lane the scalar steps in the scalar order; tanh and sigmoid run one by one.
import { Activation } from '../abi';

@inline export function activate(kind: i32, z: f32): f32 {
  if (kind == Activation.Relu) return z > 0 ? z : 0;
  if (kind == Activation.Tanh) return Mathf.tanh(z);
  return 1 / (1 + Mathf.exp(-z));
}

/** The activation's derivative, from its output a. */
@inline export function slope(kind: i32, a: f32): f32 {
  if (kind == Activation.Relu) return a > 0 ? 1 : 0;
  if (kind == Activation.Tanh) return 1 - a * a;
  return a * (1 - a);
}

/** One row's n outputs at `out`, activated in place, each times its dropout mask (mask 0: none). */
export function activateRow(kind: i32, out: usize, n: i32, mask: usize): void {
  let k = 0;
  if (kind == Activation.Relu) {
    // Four at a time: each lane is z > 0 ? z : 0 (times its mask), as below.
    const zero = f32x4.splat(0);
    for (; k + 4 <= n; k += 4) {
      const at = out + (<usize>k << 2);
      const z = v128.load(at);
      let a = v128.bitselect(z, zero, f32x4.gt(z, zero));
      if (mask != 0) a = f32x4.mul(a, v128.load(mask + (<usize>k << 2)));
      v128.store(at, a);
    }
  }
  for (; k < n; k++) {
    let z = activate(kind, load<f32>(out + (<usize>k << 2)));
    if (mask != 0) z *= load<f32>(mask + (<usize>k << 2));
    store<f32>(out + (<usize>k << 2), z);
  }
}

/**
 * The gradient below an activation, for one row of n units: the gradient above it (`back`, Wᵀ
 * delta) times the mask, then times the slope at the unit's output (`input`, masked), into `below`.
 * With a mask m (0, or 1 / keep), the output before it is a / m; relu's slope needs only its sign,
 * which that quotient keeps, while tanh's and sigmoid's are computed from the rounded quotient.
 */
export function activationGradient(kind: i32, input: usize, back: usize, mask: usize, below: usize, n: i32): void {
  let j = 0;
  if (kind == Activation.Relu) {
    // Four at a time, each lane exactly the scalar steps below: g times the slope (1 or 0), and
    // with a mask g * m first, then 0 wherever m is 0.
    const zero = f32x4.splat(0);
    const one = f32x4.splat(1);
    for (; j + 4 <= n; j += 4) {
      const o = <usize>j << 2;
      const a = v128.load(input + o);
      let g = v128.load(back + o);
      if (mask != 0) {
        const m = v128.load(mask + o);
        g = f32x4.mul(g, m);
        const d = f32x4.mul(g, v128.bitselect(one, zero, f32x4.gt(f32x4.div(a, m), zero)));
        v128.store(below + o, v128.bitselect(d, zero, f32x4.ne(m, zero)));
      } else v128.store(below + o, f32x4.mul(g, v128.bitselect(one, zero, f32x4.gt(a, zero))));
    }
  }
  for (; j < n; j++) {
    const a = load<f32>(input + (<usize>j << 2));
    let g = load<f32>(back + (<usize>j << 2));
    if (mask != 0) {
      const m = load<f32>(mask + (<usize>j << 2));
      g *= m;
      store<f32>(below + (<usize>j << 2), m == 0 ? 0 : g * slope(kind, a / m));
    } else store<f32>(below + (<usize>j << 2), g * slope(kind, a));
  }
}
