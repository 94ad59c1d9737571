import type { MlpParams } from '../model/mlp.ts';
import { sha256Hex } from './sha256Hex.ts';

/**
 * SHA-256 (WebCrypto) of all weights as little-endian float32 bytes, in the canonical order of
 * MlpParams (per layer: W [out, in] row-major, then b). Hex encoded.
 */
export async function fingerprintWeights(params: MlpParams): Promise<string> {
  const total = params.reduce((n, p) => n + p.length, 0);
  const bytes = new DataView(new ArrayBuffer(total * 4));
  let offset = 0;
  for (const p of params) {
    for (let i = 0; i < p.length; i++, offset += 4) bytes.setFloat32(offset, p[i], true);
  }
  return sha256Hex(bytes.buffer);
}

/** Largest absolute elementwise difference between two parameter sets (same shapes). */
export function maxAbsDifference(a: MlpParams, b: MlpParams): number {
  let max = 0;
  for (const [k, p] of a.entries()) for (let i = 0; i < p.length; i++) max = Math.max(max, Math.abs(p[i] - b[k][i]));
  return max;
}
