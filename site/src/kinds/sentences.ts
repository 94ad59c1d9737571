import type { DigestOfKind, DocumentOfKind, StudyKind } from '../../../src/index.ts';
import type { KindSentences } from '../presentation/sentences.ts';
import { sentences as compare } from './compare/sentences.ts';
import { sentences as dataSize } from './data-size/sentences.ts';
import { sentences as determinismAudit } from './determinism-audit/sentences.ts';
import { sentences as imported } from './imported/sentences.ts';
import { sentences as lrRangeTest } from './lr-range-test/sentences.ts';
import { sentences as lrSchedule } from './lr-schedule/sentences.ts';
import { sentences as seedVariance } from './seed-variance/sentences.ts';
import { sentences as varianceSources } from './variance-sources/sentences.ts';

/** Sentences for every kind of a document union whose digests are G: a kind without them fails the type-check. */
export type KindSentencesMap<Doc extends { kind: string }, G extends { [K in Doc['kind']]: unknown }> = {
  [K in Doc['kind']]: KindSentences<Extract<Doc, { kind: K }>, G[K]>;
};

/** Every kind's sentences: the site's one line per kind. A kind missing here fails the type-check. */
export const KIND_SENTENCES: KindSentencesMap<DocumentOfKind<StudyKind>, { [K in StudyKind]: DigestOfKind<K> }> = {
  'seed-variance': seedVariance,
  'lr-range-test': lrRangeTest,
  'lr-schedule': lrSchedule,
  'data-size': dataSize,
  'variance-sources': varianceSources,
  'determinism-audit': determinismAudit,
  compare,
  imported,
};
