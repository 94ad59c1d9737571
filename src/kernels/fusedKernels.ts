import type { MlpParams } from '../model/mlp.ts';
import type { ModelSpec, OptimizerSpec } from '../spec/setup.ts';
import { tf } from '../tf.ts';
import type { IndexBatch } from '../train/batches.ts';

/**
 * The fused MLP kernels on the wasm backend (source: src/kernels/assembly/mlp.ts, built by
 * scripts/build-kernels.mjs). One call trains a step of every seed of a group (forward, loss,
 * backward, optimizer), another evaluates; both work in place on the tfjs wasm backend's memory, on
 * tensors tfjs allocated, so the data never crosses between two heaps. Each host hands over the
 * compiled module, as it does tfjs's own binary (registerWasmBackend).
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

/** The compiled kernel module (each host compiles src/kernels/build/seedlab-mlp.wasm its own way). */
export function registerFusedKernels(module: WebAssembly.Module): void {
  kernelModule = module;
  instance = null;
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

/** A tensor's byte offset in the wasm backend's memory (tfjs-backend-wasm 4.22's data map: pinned with @tensorflow/*). */
function offsetOf(t: tf.Tensor): number {
  const backend = tf.backend() as unknown as { dataIdMap: { get(id: object): { memoryOffset: number } } };
  return backend.dataIdMap.get(t.dataId).memoryOffset;
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
  const { memory, exports } = kernels();
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
  const [lossOut, lossSums, correctSums, testLoss, testAccuracy] = [0, 0, 0, 0, 0].map(() => keep(owned(new Float32Array(S))));
  const words = [S, L, ACTIVATION[model.activation], optimizerKind, ...sizes];
  params.forEach(
    (p, i) => void words.push(offsetOf(p), offsetOf(grads[i]), first[i] ? offsetOf(first[i]) : 0, second[i] ? offsetOf(second[i]) : 0),
  );
  words.push(offsetOf(scratch));
  const plan = keep(owned(Int32Array.from(words), 'int32'));
  const at = {
    plan: offsetOf(plan),
    trainX: offsetOf(trainX),
    trainY: offsetOf(trainY),
    indices: offsetOf(indices),
    masks: masks ? offsetOf(masks) : 0,
    lossOut: offsetOf(lossOut),
    lossSums: offsetOf(lossSums),
    correctSums: offsetOf(correctSums),
    testX: offsetOf(testX),
    testLabels: offsetOf(testLabels),
    testLoss: offsetOf(testLoss),
    testAccuracy: offsetOf(testAccuracy),
  };
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
      exports.trainStep(
        at.plan,
        at.trainX,
        at.trainY,
        train.rows,
        at.indices,
        at.masks,
        batch.rows,
        lr,
        t,
        adam?.beta1 ?? 0,
        adam?.beta2 ?? 0,
        adam?.epsilon ?? 0,
        momentum,
        at.lossOut,
        at.lossSums,
        at.correctSums,
      );
      return floats(at.lossOut, S).slice();
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
      exports.evaluate(at.plan, at.testX, at.testLabels, test.rows, at.testLoss, at.testAccuracy);
      return { loss: floats(at.testLoss, S).slice(), accuracy: floats(at.testAccuracy, S).slice() };
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
