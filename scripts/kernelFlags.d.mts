/** The asc flags of the fused kernels (scripts/kernelFlags.mjs). */
export declare const KERNEL_FLAGS: string[];
/** Compiles one AssemblyScript entry file with the kernels' flags, in memory; returns the wasm binary. */
export declare function compileWithKernelFlags(entry: string): Promise<Uint8Array<ArrayBuffer>>;
