import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { type BackendName, registerFusedKernels, registerWasmBackend, useBackend } from '../src/index.ts';

const require = createRequire(import.meta.url);

/** Built by `npm install` and `npm run build` (scripts/build-kernels.mjs). */
const FUSED_KERNELS = resolve('src/kernels/build/seedlab-mlp.wasm');

/** Node edge: compiles the SIMD wasm binary from node_modules and the fused kernels, and hands both to the engine. */
export async function useNodeBackend(name: BackendName): Promise<void> {
  if (name === 'wasm') {
    const file = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm');
    registerWasmBackend(new WebAssembly.Module(readFileSync(file)), 'simd');
    if (!existsSync(FUSED_KERNELS)) throw new Error(`${FUSED_KERNELS} is missing: run npm install (or node scripts/build-kernels.mjs)`);
    registerFusedKernels(new WebAssembly.Module(readFileSync(FUSED_KERNELS)));
  }
  await useBackend(name);
}
