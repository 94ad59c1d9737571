/** The asc flags of the fused kernels (scripts/kernelFlags.mjs). */
export declare const KERNEL_FLAGS: string[];
