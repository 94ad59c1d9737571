import type { OptimizerSpec } from '../spec/setup.ts';
import { tf } from '../tf.ts';

/**
 * Optimizers over stacked variables (leading seed axis). Hand-written so that the learning rate
 * can change every step (schedules, range tests) and so that state lives beside the variables;
 * every op is elementwise, so each seed's update is independent of the group it trains in.
 */
export interface GroupOptimizer {
  /** Applies one update. Call inside tf.tidy. `step` counts from 1. */
  apply(variables: tf.Variable[], grads: tf.Tensor[], lr: number, step: number): void;
  dispose(): void;
}

function zerosLike(variables: tf.Variable[]): tf.Variable[] {
  return variables.map((v) => tf.tidy(() => tf.variable(tf.zerosLike(v), false)));
}

/** SGD, with optional heavy-ball momentum in the PyTorch/tfjs form: v = m*v + g; w -= lr*v. */
function sgd(momentum: number, variables: tf.Variable[]): GroupOptimizer {
  const velocity = momentum > 0 ? zerosLike(variables) : [];
  const mu = tf.scalar(momentum);
  return {
    apply(vars, grads, lr) {
      const rate = tf.scalar(lr);
      vars.forEach((w, i) => {
        let direction = grads[i];
        if (momentum > 0) {
          direction = tf.add(tf.mul(velocity[i], mu), grads[i]);
          velocity[i].assign(direction);
        }
        w.assign(tf.sub(w, tf.mul(direction, rate)));
      });
    },
    dispose: () => {
      for (const t of [...velocity, mu]) t.dispose();
    },
  };
}

/** Adam as in tfjs and PyTorch: w -= lr * mHat / (sqrt(vHat) + epsilon). */
function adam(beta1: number, beta2: number, epsilon: number, variables: tf.Variable[]): GroupOptimizer {
  const m = zerosLike(variables);
  const v = zerosLike(variables);
  // Constants as tensors made once: the same float32 values tf.mul(x, number) would upload every call.
  const [b1, oneMinusB1, b2, oneMinusB2, eps] = [beta1, 1 - beta1, beta2, 1 - beta2, epsilon].map((x) => tf.scalar(x));
  return {
    apply(vars, grads, lr, step) {
      // Per-step values, shared by every variable.
      const correction1 = tf.scalar(1 - beta1 ** step);
      const correction2 = tf.scalar(1 - beta2 ** step);
      const rate = tf.scalar(lr);
      vars.forEach((w, i) => {
        const g = grads[i];
        const mNext = tf.add(tf.mul(m[i], b1), tf.mul(g, oneMinusB1));
        const vNext = tf.add(tf.mul(v[i], b2), tf.mul(tf.square(g), oneMinusB2));
        m[i].assign(mNext);
        v[i].assign(vNext);
        const mHat = tf.div(mNext, correction1);
        const vHat = tf.div(vNext, correction2);
        w.assign(tf.sub(w, tf.mul(tf.div(mHat, tf.add(tf.sqrt(vHat), eps)), rate)));
      });
    },
    dispose: () => {
      for (const t of [...m, ...v, b1, oneMinusB1, b2, oneMinusB2, eps]) t.dispose();
    },
  };
}

export function createOptimizer(spec: OptimizerSpec, variables: tf.Variable[]): GroupOptimizer {
  return spec.kind === 'sgd' ? sgd(spec.momentum, variables) : adam(spec.beta1, spec.beta2, spec.epsilon, variables);
}
