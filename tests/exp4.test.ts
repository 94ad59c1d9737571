import { describe, expect, it } from 'vitest';
import { compileWithKernelFlags } from '../scripts/kernelFlags.mjs';

// exp4 (src/kernels/assembly/exp4.ts), the kernels' four-lane exp, claims the very bits of
// AssemblyScript's scalar Mathf.exp at the kernels' build flags; the kernels' fingerprints rest on
// it. tests/assembly/exp4Sweep.ts compares the two inside one module built with those flags
// (scripts/kernelFlags.mjs).
async function compileSweep() {
  const binary = await compileWithKernelFlags('tests/assembly/exp4Sweep.ts');
  // The kernels' flags import a memory; the sweep uses none.
  const instance = await WebAssembly.instantiate(new WebAssembly.Module(binary), {
    env: { memory: new WebAssembly.Memory({ initial: 1 }) },
  });
  return instance.exports as { mismatches(start: number, step: number, count: number): number; firstMismatch: WebAssembly.Global };
}

// Bit patterns of the boundaries where the scalar code changes branch (AssemblyScript's
// std/assembly/math.ts, NativeMathf.exp): |x| 2^-14, 0.3466 (ln 2 / 2), 1.0397 (1.5 ln 2), 87.34
// (past which 2^k needs more than one multiply) and 88.72 (overflow).
const BRANCH_EDGES = [0x39000000, 0x3eb17218, 0x3f851592, 0x42aeac50, 0x42b17218];

describe('exp4, four lanes of exp', () => {
  it('gives the bits of Mathf.exp for every input in the sweeps, in every lane', { timeout: 60_000 }, async () => {
    const sweep = await compileSweep();
    // The whole float line, both signs, NaN, infinities and subnormals included: every 4099th
    // pattern (a prime step, so the low bits vary too), 1,047,806 inputs: floor(2^32 / 4099).
    expect(sweep.mismatches(0, 4099, 1_047_806)).toBe(0);
    // Every pattern within 2,000 of each branch edge, on both signs.
    for (const edge of BRANCH_EDGES) {
      for (const sign of [0, 0x80000000]) {
        expect(sweep.mismatches((sign | edge) - 2000, 1, 4001), `edge 0x${edge.toString(16)}, sign ${sign}`).toBe(0);
      }
    }
    // The inputs softmax gives it, z - max in (-20, 0]: every 17th pattern from -20 up to -0.
    const minus20 = 0xc1a00000;
    const minusZero = 0x80000000;
    expect(sweep.mismatches(minusZero, 17, Math.floor((minus20 - minusZero) / 17))).toBe(0);
    expect(sweep.firstMismatch.value).toBe(0);
  });
});
