import { describe, expect, it } from 'vitest';
import { ScheduleSpec, scheduleLearningRate } from '../src/studies/lr-schedule/schedules.ts';

const lr = (spec: unknown, step: number, epoch: number, perEpoch = 10, total = 100) =>
  scheduleLearningRate(ScheduleSpec.parse(spec), step, epoch, perEpoch, total);

describe('learning-rate schedules', () => {
  it('step: 0.1 for epochs 1-7, 0.01 for 8-14, 0.001 for 15-20', () => {
    const s = { name: 's', type: 'step', boundaries: [7, 14], rates: [0.1, 0.01, 0.001] };
    expect([1, 7, 8, 14, 15, 20].map((e) => lr(s, 1, e))).toEqual([0.1, 0.1, 0.01, 0.01, 0.001, 0.001]);
  });

  it('exponential decays per epoch', () => {
    expect(lr({ name: 'e', type: 'exponential', lr: 0.1, gamma: 0.5 }, 1, 3)).toBeCloseTo(0.025, 12);
  });

  it('triangular goes from min to max in a half cycle and back, every batch', () => {
    const s = { name: 't', type: 'triangular', minLr: 0.001, maxLr: 0.1, halfCycleEpochs: 2 }; // half cycle = 20 steps
    expect(lr(s, 1, 1)).toBeCloseTo(0.001, 12);
    expect(lr(s, 11, 2)).toBeCloseTo(0.0505, 12);
    expect(lr(s, 21, 3)).toBeCloseTo(0.1, 12);
    expect(lr(s, 41, 5)).toBeCloseTo(0.001, 12);
  });

  it('one-cycle warms up to maxLr at pctStart and anneals to maxLr / divFactor / finalDivFactor', () => {
    const s = { name: 'o', type: 'one-cycle', maxLr: 0.1 };
    expect(lr(s, 1, 1)).toBeCloseTo(0.004, 12);
    expect(lr(s, 31, 4)).toBeCloseTo(0.1, 12);
    expect(lr(s, 100, 10)).toBeCloseTo(0.004 / 1e4, 12);
  });

  it('rejects a step schedule whose rates and boundaries do not match', () => {
    expect(ScheduleSpec.safeParse({ name: 's', type: 'step', boundaries: [7, 14], rates: [0.1, 0.01] }).success).toBe(false);
  });
});
