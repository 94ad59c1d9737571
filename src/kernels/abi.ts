// The fused kernels' ABI, in one file both compilers read: tsc for the host (fusedKernels.ts), asc
// for the kernels (assembly/). Plain enums of i32 constants, which mean the same in both.
//
// The host hands the kernels a plan: an i32 block, a header (Header) then one descriptor per
// weight layer (Layer, Layer.Size words each, from word Header.Size). Offsets are bytes into the
// tfjs wasm backend's memory; sizes and positions within a row are counts of floats. The f32
// fields (the optimizer's constants) hold a float's bits.

/** The plan's header. */
export enum Header {
  /** S: seeds in the group. */
  Seeds = 0,
  /** L: weight layers. */
  Layers = 1,
  /** The hidden layers' Activation. */
  Activation = 2,
  Optimizer = 3,
  /** Each seed's training set, uploaded once: trainX [S, N, I] (f32) and trainY [S, N] (i32). */
  TrainX = 4,
  TrainY = 5,
  /** N: training rows per seed. */
  TrainRows = 6,
  /** A step's rows: indices [S, maxRows] (i32), in the order they are summed. */
  Indices = 7,
  /** A step's dropout masks, one [S, rows, width] block per hidden layer; 0 without dropout. */
  Masks = 8,
  /** The epoch's running sums [S]: loss times rows, and correct rows (added to by every step). */
  LossSums = 9,
  CorrectSums = 10,
  /** The test set: x [S, T, I] (f32), labels [S, T] (i32), and T. */
  TestX = 11,
  TestY = 12,
  TestRows = 13,
  /** Floats of a row's layers side by side: the sum of the layer sizes (the input included). */
  RowFloats = 14,
  /** Scratch: every layer's activations and output gradients for each row of a batch, then one row of Wᵀ delta. */
  Scratch = 15,
  /** f32: Adam's β1, β2, ε; SGD's momentum. */
  Beta1 = 16,
  Beta2 = 17,
  Epsilon = 18,
  Momentum = 19,
  Size = 20,
}

/** One weight layer's descriptor. */
export enum Layer {
  /** What the layer computes: Kind.Dense (a convolution would be another kind, with its own file). */
  Kind = 0,
  In = 1,
  Out = 2,
  /** Where the layer's input and output start in a row's activations. */
  InAt = 3,
  OutAt = 4,
  /** The parameters [S, Out, In] and [S, Out], their gradients, and the optimizer's two states of each (0 when unused). */
  Weights = 5,
  WeightGrads = 6,
  WeightFirst = 7,
  WeightSecond = 8,
  Bias = 9,
  BiasGrads = 10,
  BiasFirst = 11,
  BiasSecond = 12,
  /** A hidden layer's masks start after the earlier hidden layers' blocks: their widths summed. */
  MaskWidthBefore = 13,
  Size = 14,
}

export enum Kind {
  Dense = 0,
}

export enum Activation {
  Relu = 0,
  Tanh = 1,
  Sigmoid = 2,
}

export enum Optimizer {
  Sgd = 0,
  Momentum = 1,
  Adam = 2,
}
