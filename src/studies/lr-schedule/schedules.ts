import { z } from 'zod';

/** Learning-rate schedules. Every one is a pure function of the step, so it is the same in any runtime. */
const positiveLr = z.number().gt(0).max(100);
export const ScheduleSpec = z
  .discriminatedUnion('type', [
    z.strictObject({ name: z.string().min(1).max(60), type: z.literal('constant'), lr: positiveLr }),
    /** `rates[i]` applies after `boundaries[i-1]` epochs: [0.1, 0.01, 0.001] with [7, 14] anneals from high to low. */
    z.strictObject({
      name: z.string().min(1).max(60),
      type: z.literal('step'),
      boundaries: z.array(z.number().int().min(1)).min(1).max(20),
      rates: z.array(positiveLr).min(2).max(21),
    }),
    /** lr * gamma^(epoch - 1). */
    z.strictObject({ name: z.string().min(1).max(60), type: z.literal('exponential'), lr: positiveLr, gamma: z.number().gt(0).max(1) }),
    /** Smith's triangular cyclical rate (2015), changing every batch; a half cycle is `halfCycleEpochs` epochs of batches. */
    z.strictObject({
      name: z.string().min(1).max(60),
      type: z.literal('triangular'),
      minLr: positiveLr,
      maxLr: positiveLr,
      halfCycleEpochs: z.number().gt(0).max(100),
    }),
    /** One-cycle (Smith 2018, as in PyTorch's OneCycleLR with cosine annealing). */
    z.strictObject({
      name: z.string().min(1).max(60),
      type: z.literal('one-cycle'),
      maxLr: positiveLr,
      pctStart: z.number().gt(0).lt(1).default(0.3),
      divFactor: z.number().gt(1).default(25),
      finalDivFactor: z.number().gt(1).default(1e4),
    }),
  ])
  .refine((s) => s.type !== 'step' || s.rates.length === s.boundaries.length + 1, {
    message: 'step: rates needs one more entry than boundaries',
    path: ['rates'],
  });
export type ScheduleSpec = z.output<typeof ScheduleSpec>;

const cosine = (from: number, to: number, fraction: number) => to + ((from - to) * (1 + Math.cos(Math.PI * fraction))) / 2;

/** The learning rate at `step` (counted from 1) in `epoch` (from 1). */
export function scheduleLearningRate(s: ScheduleSpec, step: number, epoch: number, stepsPerEpoch: number, totalSteps: number): number {
  switch (s.type) {
    case 'constant':
      return s.lr;
    case 'step':
      return s.rates[s.boundaries.filter((b) => epoch > b).length];
    case 'exponential':
      return s.lr * s.gamma ** (epoch - 1);
    case 'triangular': {
      const half = s.halfCycleEpochs * stepsPerEpoch;
      const it = step - 1;
      const cycle = Math.floor(1 + it / (2 * half));
      const x = Math.abs(it / half - 2 * cycle + 1);
      return s.minLr + (s.maxLr - s.minLr) * Math.max(0, 1 - x);
    }
    case 'one-cycle': {
      // PyTorch's OneCycleLR: the warm-up ends at step pctStart * total - 1 (counted from 0), the
      // annealing at total - 1 (bench/pytorch_schedules_reference.py checks every step).
      const initial = s.maxLr / s.divFactor;
      const final = initial / s.finalDivFactor;
      const warmEnd = s.pctStart * totalSteps - 1;
      const it = step - 1;
      return it <= warmEnd
        ? cosine(initial, s.maxLr, it / warmEnd)
        : cosine(s.maxLr, final, (it - warmEnd) / Math.max(1, totalSteps - 1 - warmEnd));
    }
  }
}
