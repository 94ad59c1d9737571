// Builds the fused MLP kernels (src/kernels/assembly/mlp.ts, AssemblyScript) into
// src/kernels/build/seedlab-mlp.wasm: run by `npm install` (postinstall) and `npm run build`.
import { mkdirSync } from 'node:fs';
import asc from 'assemblyscript/asc';
import { KERNEL_FLAGS } from './kernelFlags.mjs';

mkdirSync('src/kernels/build', { recursive: true });
const { error, stderr } = await asc.main([
  'src/kernels/assembly/mlp.ts',
  '--outFile',
  'src/kernels/build/seedlab-mlp.wasm',
  ...KERNEL_FLAGS,
]);
if (error) {
  console.error(stderr.toString());
  console.error(`build-kernels: ${error.message}`);
  process.exit(1);
}
