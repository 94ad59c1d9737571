import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scheduleEnd } from '../src/studies/lr-schedule/index.ts';
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
    // 100 steps, pctStart 0.3: the warm-up ends at step 30 (PyTorch's end_step = 0.3 * 100 - 1 = 29, from 0).
    expect(lr(s, 30, 3)).toBeCloseTo(0.1, 12);
    expect(lr(s, 100, 10)).toBeCloseTo(0.004 / 1e4, 12);
  });

  it('rejects a step schedule whose rates and boundaries do not match', () => {
    expect(ScheduleSpec.safeParse({ name: 's', type: 'step', boundaries: [7, 14], rates: [0.1, 0.01] }).success).toBe(false);
  });

  it.each(['triangular', 'one-cycle'])("%s gives PyTorch 1.13's rate at every step (bench/pytorch_schedules_reference.py)", (name) => {
    const ref = JSON.parse(readFileSync('bench/reference/pytorch-schedules.json', 'utf8'));
    const total = ref.stepsPerEpoch * ref.epochs;
    const spec = ScheduleSpec.parse(ref[name].spec);
    const ours = ref[name].lrs.map((_: number, i: number) =>
      scheduleLearningRate(spec, i + 1, Math.ceil((i + 1) / ref.stepsPerEpoch), ref.stepsPerEpoch, total),
    );
    ref[name].lrs.forEach(
      (theirs: number, i: number) => void expect(Math.abs(ours[i] - theirs) / theirs, `step ${i + 1}`).toBeLessThan(1e-12),
    );
  });

  it('flags a schedule whose run ends above its lowest rate (a cycle cut short)', () => {
    const triangular = (halfCycleEpochs: number) =>
      ScheduleSpec.parse({ name: 't', type: 'triangular', minLr: 0.001, maxLr: 0.1, halfCycleEpochs });
    // 20 epochs of 43 steps: half cycles of 4 epochs end the run 5/8 of the way through the fifth
    // half cycle, on the way down from the peak: at step 860, it = 859, half = 172, cycle 3,
    // x = |859/172 - 5| = 0.005814, lr = 0.001 + 0.099 * (1 - 0.005814) = 0.0994244.
    const cut = scheduleEnd(triangular(4), 43, 20);
    expect(cut.lastLr).toBeCloseTo(0.0994244, 6);
    expect(cut.atMinimum).toBe(false);
    // Half cycles of 5 epochs: two full cycles; the last step is one before the cycle's end.
    expect(scheduleEnd(triangular(5), 43, 20)).toMatchObject({ lowestLr: 0.001, atMinimum: true });
    expect(scheduleEnd(ScheduleSpec.parse({ name: 'c', type: 'constant', lr: 0.05 }), 43, 20)).toEqual({
      lastLr: 0.05,
      lowestLr: 0.05,
      atMinimum: true,
    });
  });
});
