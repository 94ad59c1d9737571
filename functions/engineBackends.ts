// The wasm binary as a precompiled module: workerd forbids compiling wasm from bytes at run time,
// so wrangler compiles it at deploy/bundle time (a CompiledWasm module import).
import simdModule from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm';
import { registerWasmBackend } from '../src/backends/wasmFromModule.ts';
import { useBackend, type BackendName } from '../src/index.ts';

let registered = false;

/** Worker edge: registers the wasm backend from the bundled module once, then selects a backend. */
export async function useWorkerBackend(name: BackendName): Promise<void> {
  if (name === 'wasm' && !registered) {
    // emscripten's Node branch (taken under nodejs_compat) reads __dirname.
    (globalThis as { __dirname?: string }).__dirname ??= '/';
    registerWasmBackend(simdModule, 'simd');
    registered = true;
  }
  await useBackend(name);
}
