import type { MlpParams } from '../model/mlp.ts';
import type { ModelSpec, OptimizerSpec } from '../spec/setup.ts';
import { tf } from '../tf.ts';
import type { IndexBatch } from '../train/batches.ts';
import { Activation, Header, Kind, Layer, Optimizer } from './abi.ts';

/**
 * The fused MLP kernels on the wasm backend (source: src/kernels/assembly/mlp.ts, built by
 * scripts/build-kernels.mjs), registered with tfjs as two kernels of the wasm backend:
 * SeedlabMlpTrainStep trains a step of every seed of a group (forward, loss, backward, optimizer)
 * and SeedlabMlpEvaluate scores the test set. The engine calls them through tfjs
 * (engine().runKernel), like any op; they work in place on the wasm backend's memory, on tensors
 * tfjs allocated, so the data never crosses between two heaps. Each host hands over the compiled
 * module, as it does tfjs's own binary (registerWasmBackend).
 */

/** The binary's two entry points (src/kernels/assembly/mlp.ts); everything else they read is in the plan (abi.ts). */
interface KernelExports {
  trainStep(plan: number, rows: number, lr: number, t: number, lossOut: number): void;
  evaluate(plan: number, lossOut: number, accuracyOut: number): void;
}

let kernelModule: WebAssembly.Module | null = null;
let backendMemory: WebAssembly.Memory | null = null;
let instance: { memory: WebAssembly.Memory; exports: KernelExports } | null = null;

export const TRAIN_STEP_KERNEL = 'SeedlabMlpTrainStep';
export const EVALUATE_KERNEL = 'SeedlabMlpEvaluate';

/** The compiled kernel module (each host compiles src/kernels/build/seedlab-mlp.wasm its own way). */
export function registerFusedKernels(module: WebAssembly.Module): void {
  kernelModule = module;
  instance = null;
  if (!tf.getKernel(TRAIN_STEP_KERNEL, 'wasm'))
    tf.registerKernel({ kernelName: TRAIN_STEP_KERNEL, backendName: 'wasm', kernelFunc: trainStepKernel });
  if (!tf.getKernel(EVALUATE_KERNEL, 'wasm'))
    tf.registerKernel({ kernelName: EVALUATE_KERNEL, backendName: 'wasm', kernelFunc: evaluateKernel });
}

/** The tfjs wasm backend's memory, from its instance (src/backends/wasmFromModule.ts). */
export function setWasmBackendMemory(memory: WebAssembly.Memory): void {
  backendMemory = memory;
  instance = null;
}

function kernels(): { memory: WebAssembly.Memory; exports: KernelExports } {
  if (instance) return instance;
  if (!kernelModule) throw new Error('training on wasm needs the fused kernels: the host must call registerFusedKernels first');
  if (!backendMemory) throw new Error('the wasm backend did not expose its memory (start it with registerWasmBackend)');
  const made = new WebAssembly.Instance(kernelModule, { env: { memory: backendMemory } });
  instance = { memory: backendMemory, exports: made.exports as unknown as KernelExports };
  return instance;
}

/** The parts of tfjs-backend-wasm 4.22 the kernels use (pinned with @tensorflow/*): its data map and outputs. */
interface WasmBackendParts {
  dataIdMap: { get(id: object): { memoryOffset: number } };
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
}

/** A tensor's byte offset in the wasm backend's memory. */
function offsetOf(t: tf.TensorInfo, backend = tf.backend() as unknown as WasmBackendParts): number {
  return backend.dataIdMap.get(t.dataId).memoryOffset;
}

/**
 * SeedlabMlpTrainStep. Inputs: plan (its offsets name every tensor the step reads and writes: the
 * training set, the step's indices and masks, the parameters, gradients and optimizer state it
 * updates in place, as an optimizer assigns its variables, and the epoch's sums it adds to), and
 * those tensors, so tfjs sees what the step touches. Attrs: rows, lr, t. Output: each seed's mean
 * batch loss [S].
 */
const trainStepKernel: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const wasm = backend as unknown as WasmBackendParts;
  const { plan, lossSums } = inputs as Record<'plan' | 'lossSums', tf.TensorInfo>;
  const { rows, lr, t } = attrs as Record<'rows' | 'lr' | 't', number>;
  const loss = wasm.makeOutput([lossSums.shape[0]], 'float32');
  kernels().exports.trainStep(offsetOf(plan, wasm), rows, lr, t, offsetOf(loss, wasm));
  return loss;
};

/** SeedlabMlpEvaluate. Inputs: plan (naming the test set), and the test set. Attrs: rows. Outputs: each seed's mean loss and accuracy [S]. */
const evaluateKernel: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const wasm = backend as unknown as WasmBackendParts;
  const { plan, labels } = inputs as Record<'plan' | 'x' | 'labels', tf.TensorInfo>;
  const S = labels.shape[0] / (attrs as { rows: number }).rows;
  const [loss, accuracy] = [wasm.makeOutput([S], 'float32'), wasm.makeOutput([S], 'float32')];
  kernels().exports.evaluate(offsetOf(plan, wasm), offsetOf(loss, wasm), offsetOf(accuracy, wasm));
  return [loss, accuracy];
};

/** Runs one of the two kernels through tfjs and reads its outputs (and frees them). */
function run(name: string, inputs: Record<string, tf.Tensor>, attrs: Record<string, number>): Float32Array[] {
  const out = tf.engine().runKernel(name, inputs, attrs) as tf.Tensor | tf.Tensor[];
  return (Array.isArray(out) ? out : [out]).map((t) => {
    const values = t.dataSync() as Float32Array;
    t.dispose();
    return values;
  });
}

/** A fresh tensor with its own memory (never a shared constant), filled with `values` or zeros. */
const owned = (values: Float32Array | Int32Array, dtype: 'float32' | 'int32' = 'float32') => tf.tensor(values, [values.length], dtype);

const ACTIVATION = { relu: Activation.Relu, tanh: Activation.Tanh, sigmoid: Activation.Sigmoid } as const;

/** A group's training state in the wasm backend's memory: parameters, gradients, optimizer state, buffers. */
export function createFusedTrainer(
  initial: MlpParams[],
  sizes: number[],
  model: ModelSpec,
  optimizer: OptimizerSpec,
  maxRows: number,
  train: { x: Float32Array; labels: Int32Array; rows: number },
  test: { x: Float32Array; labels: Int32Array; rows: number },
) {
  const { memory } = kernels();
  const S = initial.length;
  const L = sizes.length - 1;
  const optimizerKind = optimizer.kind === 'adam' ? Optimizer.Adam : optimizer.momentum > 0 ? Optimizer.Momentum : Optimizer.Sgd;
  const tensors: tf.Tensor[] = [];
  const keep = <T extends tf.Tensor>(t: T) => {
    tensors.push(t);
    return t;
  };
  const params = initial[0].map((_, p) => {
    const stacked = new Float32Array(S * initial[0][p].length);
    initial.forEach((seed, s) => void stacked.set(seed[p], s * seed[p].length));
    return keep(owned(stacked));
  });
  const zerosFor = (p: tf.Tensor) => keep(owned(new Float32Array(p.size)));
  const grads = params.map(zerosFor);
  const first = params.map((p) => (optimizerKind !== Optimizer.Sgd ? zerosFor(p) : null));
  const second = params.map((p) => (optimizerKind === Optimizer.Adam ? zerosFor(p) : null));
  // A row's layers side by side, and the scratch mlp.ts lays out: the batch's activations and output
  // gradients, then one row of Wᵀ delta as wide as the widest layer.
  const rowFloats = sizes.reduce((n, w) => n + w, 0);
  const scratch = keep(owned(new Float32Array(2 * maxRows * rowFloats + Math.max(...sizes))));
  const trainX = keep(owned(train.x));
  const trainY = keep(owned(train.labels, 'int32'));
  const indices = keep(owned(new Int32Array(S * maxRows), 'int32'));
  const hiddenWidths = sizes.slice(1, -1).reduce((n, w) => n + w, 0);
  const masks = hiddenWidths > 0 && model.dropout > 0 ? keep(owned(new Float32Array(S * maxRows * hiddenWidths))) : null;
  const testX = keep(owned(test.x));
  const testLabels = keep(owned(test.labels, 'int32'));
  const [lossSums, correctSums] = [0, 0].map(() => keep(owned(new Float32Array(S))));
  const adam = optimizer.kind === 'adam' ? optimizer : null;

  // The plan (abi.ts): the header, then each weight layer's descriptor.
  const words = new Int32Array(Header.Size + L * Layer.Size);
  const reals = new Float32Array(words.buffer);
  const offsetOr0 = (t: tf.Tensor | null) => (t ? offsetOf(t) : 0);
  words.set([S, L, ACTIVATION[model.activation], optimizerKind], Header.Seeds);
  words[Header.TrainX] = offsetOf(trainX);
  words[Header.TrainY] = offsetOf(trainY);
  words[Header.TrainRows] = train.rows;
  words[Header.Indices] = offsetOf(indices);
  words[Header.Masks] = offsetOr0(masks);
  words[Header.LossSums] = offsetOf(lossSums);
  words[Header.CorrectSums] = offsetOf(correctSums);
  words[Header.TestX] = offsetOf(testX);
  words[Header.TestY] = offsetOf(testLabels);
  words[Header.TestRows] = test.rows;
  words[Header.RowFloats] = rowFloats;
  words[Header.Scratch] = offsetOf(scratch);
  reals[Header.Beta1] = adam?.beta1 ?? 0;
  reals[Header.Beta2] = adam?.beta2 ?? 0;
  reals[Header.Epsilon] = adam?.epsilon ?? 0;
  reals[Header.Momentum] = optimizer.kind === 'sgd' ? optimizer.momentum : 0;
  for (let l = 0, inAt = 0, maskWidthBefore = 0; l < L; l++) {
    const [W, b] = [2 * l, 2 * l + 1];
    const layer = Header.Size + l * Layer.Size;
    words.set(
      // biome-ignore format: one descriptor, in the order of Layer's fields
      [
        Kind.Dense, sizes[l], sizes[l + 1], inAt, inAt + sizes[l],
        offsetOf(params[W]), offsetOf(grads[W]), offsetOr0(first[W]), offsetOr0(second[W]),
        offsetOf(params[b]), offsetOf(grads[b]), offsetOr0(first[b]), offsetOr0(second[b]),
        maskWidthBefore,
      ],
      layer,
    );
    inAt += sizes[l];
    maskWidthBefore += sizes[l + 1];
  }
  const plan = keep(owned(words, 'int32'));
  const stepInputs = { plan, trainX, trainY, indices, lossSums, correctSums, ...(masks ? { masks } : {}) };
  // Views are made per use: the memory's buffer changes when the backend grows it.
  const floats = (offset: number, n: number) => new Float32Array(memory.buffer, offset, n);
  const at = { indices: offsetOf(indices), masks: offsetOr0(masks), lossSums: offsetOf(lossSums), correctSums: offsetOf(correctSums) };

  return {
    /** One step of every seed; returns each seed's mean batch loss. */
    step(batch: IndexBatch, lr: number, t: number): Float32Array {
      new Int32Array(memory.buffer, at.indices, batch.indices.length).set(batch.indices);
      if (masks && batch.masks) {
        let offset = at.masks;
        for (const mask of batch.masks) {
          floats(offset, mask.length).set(mask);
          offset += mask.length * 4;
        }
      }
      return run(TRAIN_STEP_KERNEL, stepInputs, { rows: batch.rows, lr, t })[0];
    },
    /** The epoch's running train sums (loss * rows, correct rows), then zeroed for the next epoch. */
    takeEpochSums(): { loss: Float32Array; correct: Float32Array } {
      const sums = { loss: floats(at.lossSums, S).slice(), correct: floats(at.correctSums, S).slice() };
      floats(at.lossSums, S).fill(0);
      floats(at.correctSums, S).fill(0);
      return sums;
    },
    /** Each seed's test loss and accuracy. */
    evaluateTest(): { loss: Float32Array; accuracy: Float32Array } {
      const [loss, accuracy] = run(EVALUATE_KERNEL, { plan, x: testX, labels: testLabels }, { rows: test.rows });
      return { loss, accuracy };
    },
    /** Each seed's parameters, copied out of the backend's memory. */
    read(): MlpParams[] {
      return initial.map((seed, s) => params.map((p, i) => floats(offsetOf(p) + 4 * s * seed[i].length, seed[i].length).slice()));
    },
    dispose(): void {
      for (const t of tensors) t.dispose();
    },
  };
}
