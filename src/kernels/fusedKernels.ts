import type { MlpParams } from '../model/mlp.ts';
import type { ModelSpec, OptimizerSpec } from '../spec/setup.ts';
import { tf } from '../tf.ts';
import type { IndexBatch } from '../train/batches.ts';

/**
 * The fused MLP kernels on the wasm backend (source: src/kernels/assembly/mlp.ts, built by
 * scripts/build-kernels.mjs), registered with tfjs as two kernels of the wasm backend:
 * SeedlabMlpTrainStep trains a step of every seed of a group (forward, loss, backward, optimizer)
 * and SeedlabMlpEvaluate scores the test set. The engine calls them through tfjs
 * (engine().runKernel), like any op; they work in place on the wasm backend's memory, on tensors
 * tfjs allocated, so the data never crosses between two heaps. Each host hands over the compiled
 * module, as it does tfjs's own binary (registerWasmBackend).
 */

interface KernelExports {
  trainStep(
    plan: number,
    trainX: number,
    trainY: number,
    trainRows: number,
    indices: number,
    masks: number,
    rows: number,
    lr: number,
    t: number,
    beta1: number,
    beta2: number,
    eps: number,
    momentum: number,
    lossOut: number,
    lossSums: number,
    correctSums: number,
  ): void;
  evaluate(plan: number, x: number, labels: number, rows: number, lossOut: number, accuracyOut: number): void;
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
 * SeedlabMlpTrainStep. Inputs: plan (its offsets name the parameters, gradients and optimizer
 * state, which the step updates in place, as an optimizer assigns its variables), trainX, trainY,
 * indices, lossSums and correctSums (added to), masks (optional). Attrs: trainRows, rows, lr, t,
 * beta1, beta2, epsilon, momentum. Output: each seed's mean batch loss [S].
 */
const trainStepKernel: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const wasm = backend as unknown as WasmBackendParts;
  const { plan, trainX, trainY, indices, masks, lossSums, correctSums } = inputs as Record<
    'plan' | 'trainX' | 'trainY' | 'indices' | 'lossSums' | 'correctSums',
    tf.TensorInfo
  > & { masks?: tf.TensorInfo };
  const a = attrs as Record<string, number>;
  const loss = wasm.makeOutput([lossSums.shape[0]], 'float32');
  const at = (t: tf.TensorInfo) => offsetOf(t, wasm);
  // biome-ignore format: the kernel's arguments in three groups: data, optimizer, sums
  kernels().exports.trainStep(
    at(plan), at(trainX), at(trainY), a.trainRows, at(indices), masks ? at(masks) : 0, a.rows,
    a.lr, a.t, a.beta1, a.beta2, a.epsilon, a.momentum,
    at(loss), at(lossSums), at(correctSums),
  );
  return loss;
};

/** SeedlabMlpEvaluate. Inputs: plan, x, labels. Attrs: rows. Outputs: each seed's mean loss and accuracy [S]. */
const evaluateKernel: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const wasm = backend as unknown as WasmBackendParts;
  const { plan, x, labels } = inputs as Record<'plan' | 'x' | 'labels', tf.TensorInfo>;
  const S = labels.shape[0] / (attrs as { rows: number }).rows;
  const [loss, accuracy] = [wasm.makeOutput([S], 'float32'), wasm.makeOutput([S], 'float32')];
  const at = (t: tf.TensorInfo) => offsetOf(t, wasm);
  kernels().exports.evaluate(at(plan), at(x), at(labels), (attrs as { rows: number }).rows, at(loss), at(accuracy));
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

const ACTIVATION = { relu: 0, tanh: 1, sigmoid: 2 } as const;

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
  const width = Math.max(...sizes);
  const hidden = sizes.slice(1, -1).reduce((n, w) => n + w, 0);
  const optimizerKind = optimizer.kind === 'adam' ? 2 : optimizer.momentum > 0 ? 1 : 0;
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
  const first = params.map((p) => (optimizerKind > 0 ? zerosFor(p) : null));
  const second = params.map((p) => (optimizerKind === 2 ? zerosFor(p) : null));
  // Every layer's activations and output gradients for each row of a batch, and one row of Wᵀ delta.
  const scratch = keep(owned(new Float32Array(2 * maxRows * sizes.reduce((n, w) => n + w, 0) + width + 4)));
  const trainX = keep(owned(train.x));
  const trainY = keep(owned(train.labels, 'int32'));
  const indices = keep(owned(new Int32Array(S * maxRows), 'int32'));
  const masks = hidden > 0 && model.dropout > 0 ? keep(owned(new Float32Array(S * maxRows * hidden))) : null;
  const testX = keep(owned(test.x));
  const testLabels = keep(owned(test.labels, 'int32'));
  const [lossSums, correctSums] = [0, 0].map(() => keep(owned(new Float32Array(S))));
  const words = [S, L, ACTIVATION[model.activation], optimizerKind, ...sizes];
  params.forEach(
    (p, i) => void words.push(offsetOf(p), offsetOf(grads[i]), first[i] ? offsetOf(first[i]) : 0, second[i] ? offsetOf(second[i]) : 0),
  );
  words.push(offsetOf(scratch));
  const plan = keep(owned(Int32Array.from(words), 'int32'));
  const at = {
    indices: offsetOf(indices),
    masks: masks ? offsetOf(masks) : 0,
    lossSums: offsetOf(lossSums),
    correctSums: offsetOf(correctSums),
  };
  const stepInputs = { plan, trainX, trainY, indices, lossSums, correctSums, ...(masks ? { masks } : {}) };
  // Views are made per use: the memory's buffer changes when the backend grows it.
  const floats = (offset: number, n: number) => new Float32Array(memory.buffer, offset, n);
  const adam = optimizer.kind === 'adam' ? optimizer : null;
  const momentum = optimizer.kind === 'sgd' ? optimizer.momentum : 0;

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
      const attrs = {
        trainRows: train.rows,
        rows: batch.rows,
        lr,
        t,
        beta1: adam?.beta1 ?? 0,
        beta2: adam?.beta2 ?? 0,
        epsilon: adam?.epsilon ?? 0,
        momentum,
      };
      return run(TRAIN_STEP_KERNEL, stepInputs, attrs)[0];
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
export type FusedTrainer = ReturnType<typeof createFusedTrainer>;
