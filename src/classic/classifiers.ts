import type { RandomStream } from '../random/seedStreams.ts';
import { type DecisionTree, fitTree, predictTree, type TreeData } from './decisionTree.ts';
import { fitKernelSvm, KERNEL_SVM_DEFAULTS, type KernelSvmOptions, kernelSvmParameters, predictKernelSvm } from './kernelSvm.ts';
import { fitKnn, predictKnn } from './knn.ts';
import { fitLinearSvm, LINEAR_SVM_DEFAULTS, type LinearSvmOptions, predictLinearSvm } from './linearSvm.ts';
import { fitSoftmaxRegression, predictSoftmax } from './softmaxRegression.ts';

export const CLASSIC_MODELS = ['logistic-regression', 'knn', 'decision-tree', 'random-forest', 'svm', 'linear-svm'] as const;
export type ClassicModelName = (typeof CLASSIC_MODELS)[number];

export interface ClassicOptions {
  knnK: number;
  forestTrees: number;
  /** The RBF support vector classifier (LIBSVM's C-SVC). */
  svm: KernelSvmOptions;
  /** The linear SVM (LIBLINEAR's dual coordinate descent). */
  linearSvm: Omit<LinearSvmOptions, 'maxPasses'>;
}

export const DEFAULT_CLASSIC_OPTIONS: ClassicOptions = {
  knnK: 5,
  forestTrees: 100,
  svm: KERNEL_SVM_DEFAULTS,
  linearSvm: { C: LINEAR_SVM_DEFAULTS.C, tol: LINEAR_SVM_DEFAULTS.tol },
};

export interface FittedClassifier {
  predict(x: Float32Array, rows: number): Int32Array;
  /** The learned parameters as numbers in a canonical order, or null when the model has none (kNN). */
  parameters(): number[] | null;
}

const treeParameters = (t: DecisionTree) => [...t.feature, ...t.threshold, ...t.left, ...t.right, ...t.leafClass];

/**
 * Fits a classic model. `stream` is the model's own randomness: the order in which a tree's nodes
 * visit the features (it decides ties, as in scikit-learn), and a forest's bootstraps; kNN and the
 * softmax regression are deterministic given their data, and so is the RBF SVM; the linear SVM
 * visits its variables in an order drawn from the stream, as LIBLINEAR does. Every model is ours
 * (each file says why).
 */
export function fitClassic(
  name: ClassicModelName,
  data: TreeData,
  stream: RandomStream,
  options: ClassicOptions = DEFAULT_CLASSIC_OPTIONS,
): FittedClassifier {
  const all = Int32Array.from({ length: data.rows }, (_, i) => i);
  switch (name) {
    case 'decision-tree': {
      const tree = fitTree(data, all, { stream });
      return {
        predict: (x, rows) => Int32Array.from({ length: rows }, (_, r) => predictTree(tree, x, r, data.features)),
        parameters: () => treeParameters(tree),
      };
    }
    case 'random-forest': {
      const trees: DecisionTree[] = [];
      const mtry = Math.max(1, Math.floor(Math.sqrt(data.features)));
      for (let t = 0; t < options.forestTrees; t++) {
        const sample = Int32Array.from({ length: data.rows }, () => stream.nextInt(data.rows)); // bootstrap
        trees.push(fitTree(data, sample, { featuresPerSplit: mtry, stream }));
      }
      return {
        predict(x, rows) {
          const votes = new Int32Array(data.classes);
          return Int32Array.from({ length: rows }, (_, r) => {
            votes.fill(0);
            for (const tree of trees) votes[predictTree(tree, x, r, data.features)]++;
            let best = 0;
            for (let c = 1; c < data.classes; c++) if (votes[c] > votes[best]) best = c;
            return best;
          });
        },
        parameters: () => trees.flatMap(treeParameters),
      };
    }
    case 'knn': {
      const model = fitKnn(data, options.knnK);
      return { predict: (x, rows) => predictKnn(model, x, rows), parameters: () => null };
    }
    case 'svm': {
      const model = fitKernelSvm(data, options.svm);
      return {
        predict: (x, rows) => predictKernelSvm(model, x, rows),
        parameters: () => kernelSvmParameters(model),
      };
    }
    case 'linear-svm': {
      const model = fitLinearSvm(data, stream, { ...LINEAR_SVM_DEFAULTS, ...options.linearSvm });
      return { predict: (x, rows) => predictLinearSvm(model, x, rows), parameters: () => model.weights.flatMap((w) => [...w]) };
    }
    case 'logistic-regression': {
      const model = fitSoftmaxRegression(data);
      return { predict: (x, rows) => predictSoftmax(model, x, rows, data.features), parameters: () => [...model.weights, ...model.bias] };
    }
  }
}
