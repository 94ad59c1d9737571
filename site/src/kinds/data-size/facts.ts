import type { DataSizeDocument } from '../../../../src/index.ts';

type Facts = DataSizeDocument['verdict'][number]['facts'];
export type Leader = Facts['leaders'][number];
export type Crossover = Facts['crossovers'][number];

/** A model's mean accuracy at the k-th size, or null (every run diverged, or no such model). */
export const meanAt = (doc: DataSizeDocument, id: string, k: number) => doc.curves.find((c) => c.model === id)?.points[k]?.mean ?? null;
