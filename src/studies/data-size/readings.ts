import { z } from 'zod';
import type { DataSizeDocument } from './document.ts';

type Facts = DataSizeDocument['verdict'][number]['facts'];
type Leader = Facts['leaders'][number];

/** A model's mean accuracy at the k-th size, or null (every run diverged, or no such model). */
const meanAt = (doc: DataSizeDocument, id: string, k: number) => doc.curves.find((c) => c.model === id)?.points[k]?.mean ?? null;

/**
 * The crossovers by who overtakes whom: the MLP overtaking a classic model as rows grow means it
 * needed more data; a classic model overtaking it means the reverse.
 */
function crossoversByDirection(facts: Facts) {
  return {
    mlpOvertakes: facts.crossovers.filter((x) => x.direction === 'mlp-overtakes'),
    modelOvertakes: facts.crossovers.filter((x) => x.direction === 'model-overtakes'),
  };
}

/** Whether the study trained the MLP (the data-size question is about it). */
const trainsMlp = (doc: DataSizeDocument) => doc.curves.some((c) => c.model === 'mlp');

const LeaderDigest = z.object({ size: z.number().int(), leader: z.string().nullable(), tiedWith: z.array(z.string()) });
export const DataSizeDigest = z.object({
  smallest: z.number().int(),
  largest: z.number().int(),
  /** Who leads at the smallest and at the largest size. */
  first: LeaderDigest,
  last: LeaderDigest,
});
export type DataSizeDigest = z.infer<typeof DataSizeDigest>;

export function dataSizeDigest(doc: DataSizeDocument): DataSizeDigest {
  const { leaders } = doc.verdict[0].facts;
  const brief = ({ size, leader, tiedWith }: Leader) => ({ size, leader, tiedWith });
  const { sizes } = doc.spec;
  return { smallest: sizes[0], largest: sizes[sizes.length - 1], first: brief(leaders[0]), last: brief(leaders[leaders.length - 1]) };
}

/** What this kind's sentences read off its documents (the kind module's `readings`). */
export const readings = { meanAt, crossoversByDirection, trainsMlp };
