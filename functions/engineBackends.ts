// The wasm binary as a precompiled module: workerd forbids compiling wasm from bytes at run time,
// so wrangler compiles it at deploy/bundle time (a CompiledWasm module import).
import simdModule from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm';
import { type BackendName, registerFusedKernels, registerWasmBackend, tf, useBackend } from '../src/index.ts';
// The fused MLP kernels (built by npm install and npm run build: scripts/build-kernels.mjs).
import kernelsModule from '../src/kernels/build/seedlab-mlp.wasm';

let registered = false;

/** Worker edge: registers the wasm backend from the bundled module once, then selects a backend. */
export async function useWorkerBackend(name: BackendName): Promise<void> {
  if (name === 'wasm' && !registered) {
    // emscripten's Node branch (taken under nodejs_compat) reads __dirname.
    (globalThis as { __dirname?: string }).__dirname ??= '/';
    registerWasmBackend(simdModule, 'simd');
    registerFusedKernels(kernelsModule);
    registered = true;
  }
  await useBackend(name);
}

// tfjs has one global backend per isolate, and training awaits between epochs: engine work runs
// one job at a time, so one job's backend switch can never land in the middle of another's.
let engineQueue: Promise<unknown> = Promise.resolve();

/** Runs `work` on the named backend, alone. A backend that fails to start within `timeoutMs` rejects. */
export function withEngine<T>(backend: BackendName, work: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const job = async () => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the ${backend} backend did not start within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([useWorkerBackend(backend), timeout]);
    } catch (e) {
      // A start that never settles leaves tfjs waiting on it, and every later op would throw
      // "not yet initialized": drop the backend, so the next job starts clean (and registers anew).
      if (tf.findBackendFactory(backend)) tf.removeBackend(backend);
      if (backend === 'wasm') registered = false;
      throw e;
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
    return work();
  };
  const next = engineQueue.then(job, job);
  engineQueue = next.catch(() => undefined);
  return next;
}
