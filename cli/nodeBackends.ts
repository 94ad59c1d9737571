import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type BackendName, registerWasmBackend, useBackend } from '../src/index.ts';

const require = createRequire(import.meta.url);

/** Node edge: compiles the SIMD wasm binary from node_modules and hands it to the engine. */
export async function useNodeBackend(name: BackendName): Promise<void> {
  if (name === 'wasm') {
    const file = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm');
    registerWasmBackend(new WebAssembly.Module(readFileSync(file)), 'simd');
  }
  await useBackend(name);
}
