import { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
// The emscripten factory behind the stock loader (CommonJS).
import wasmFactory from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm.js';
import { setWasmBackendMemory } from '../kernels/fusedKernels.ts';
import { tf } from '../tf.ts';
import { setBackendDetails } from './useBackend.ts';

type EmscriptenModule = {
  cwrap: (name: string, ret: string | null, args: string[]) => (...a: number[]) => unknown;
  tfjs?: Record<string, unknown>;
};

/**
 * Registers the tfjs wasm backend from an already compiled WebAssembly.Module.
 *
 * Why not the stock loader: workerd forbids compiling wasm from bytes, and the stock loader hangs
 * there; it also guesses file paths that break once bundled. Every host (Node CLI, Worker, browser)
 * instead hands over a compiled module, and this one factory does the rest, so the wasm backend
 * starts the same way everywhere. Failures reject; nothing waits forever.
 */
export function registerWasmBackend(module: WebAssembly.Module, binary: 'simd' | 'plain'): void {
  if (tf.findBackendFactory('wasm')) tf.removeBackend('wasm');
  tf.registerBackend(
    'wasm',
    () =>
      new Promise((resolve, reject) => {
        const fail = (why: unknown) =>
          reject(new Error(`wasm backend failed to start: ${why instanceof Error ? why.message : String(why)}`));
        const started: Promise<EmscriptenModule> = (wasmFactory as unknown as (config: object) => Promise<EmscriptenModule>)({
          instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) {
            WebAssembly.instantiate(module, imports).then((instance) => {
              // The fused kernels work in place in this memory (src/kernels/fusedKernels.ts).
              setWasmBackendMemory(instance.exports.memory as WebAssembly.Memory);
              receive(instance, module);
            }, fail);
            return {};
          },
          locateFile: (path: string) => path,
          onAbort: fail,
        });
        started.then((wasm) => {
          // The same cwrap shim that backend_wasm.js builds for the stock loader.
          wasm.tfjs = {
            init: wasm.cwrap('init', null, []),
            initWithThreadsCount: wasm.cwrap('init_with_threads_count', null, ['number']),
            getThreadsCount: wasm.cwrap('get_threads_count', 'number', []),
            registerTensor: wasm.cwrap('register_tensor', null, ['number', 'number', 'number']),
            disposeData: wasm.cwrap('dispose_data', null, ['number']),
            dispose: wasm.cwrap('dispose', null, []),
          };
          resolve(new BackendWasm(wasm as unknown as ConstructorParameters<typeof BackendWasm>[0]));
        }, fail);
      }),
    2,
  );
  setBackendDetails('wasm', { binary: binary === 'simd' ? 'tfjs-backend-wasm-simd.wasm' : 'tfjs-backend-wasm.wasm' });
}
