import asc from 'assemblyscript/asc';

// The asc flags of the fused kernels, shared by scripts/build-kernels.mjs and the tests and bench
// that compile kernel code of their own (compileWithKernelFlags), so all compile it the same way. No data segments
// (no tables: --shrinkLevel 1; no messages: --noAssert, --use abort=), because the module runs in
// the tfjs wasm backend's memory (--importMemory).
export const KERNEL_FLAGS = [
  '-O3',
  '--shrinkLevel',
  '1',
  '--enable',
  'simd',
  '--runtime',
  'stub',
  '--noAssert',
  '--importMemory',
  '--use',
  'abort=',
];

/** Compiles one AssemblyScript entry file with the kernels' flags, in memory; returns the wasm binary. */
export async function compileWithKernelFlags(entry) {
  let binary = null;
  const { error, stderr } = await asc.main([entry, '--outFile', 'out.wasm', ...KERNEL_FLAGS], {
    writeFile(name, contents) {
      if (name.endsWith('.wasm') && typeof contents !== 'string') binary = new Uint8Array(contents);
    },
  });
  if (error || !binary) throw new Error(`asc ${entry}: ${error?.message} ${stderr.toString()}`);
  return binary;
}
