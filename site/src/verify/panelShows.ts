import {
  checkableRuns,
  isTrainedDocument,
  retrainableHere,
  type StudyDocument,
  studySeeds,
  type TrainedDocument,
} from '../../../src/index.ts';

/**
 * What the "check it yourself" panel shows for a document: the form (this engine trains its runs
 * again), a note that another engine made them, or nothing (a kind whose runs are not one seed of
 * one setup, or runs trained elsewhere). The report reads it to word the form's intro in reading order.
 */
export function verifyPanelShows(doc: StudyDocument): { doc: TrainedDocument; shows: 'form' | 'other-engine' } | null {
  if (!isTrainedDocument(doc) || !checkableRuns(doc) || !(studySeeds(doc) ?? []).length) return null;
  return { doc, shows: retrainableHere(doc) ? 'form' : 'other-engine' };
}
