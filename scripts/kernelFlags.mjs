// The asc flags of the fused kernels, shared by scripts/build-kernels.mjs and the tests that compile
// kernel code of their own (tests/exp4.test.ts), so both compile it the same way. No data segments
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
