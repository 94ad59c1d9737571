// Builds the fused MLP kernels (src/kernels/assembly/mlp.ts, AssemblyScript) into
// src/kernels/build/seedlab-mlp.wasm: run by `npm install` (postinstall) and `npm run build`.
// The flags keep the module free of data segments (no tables: --shrinkLevel 1; no messages:
// --noAssert, --use abort=) because it runs in the tfjs wasm backend's memory (--importMemory).
import { mkdirSync } from 'node:fs';
import asc from 'assemblyscript/asc';

mkdirSync('src/kernels/build', { recursive: true });
const { error, stderr } = await asc.main([
  'src/kernels/assembly/mlp.ts',
  '--outFile',
  'src/kernels/build/seedlab-mlp.wasm',
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
]);
if (error) {
  console.error(stderr.toString());
  console.error(`build-kernels: ${error.message}`);
  process.exit(1);
}
