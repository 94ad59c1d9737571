import type { LrScheduleDocument } from '../../../../src/index.ts';

/** The schedule the verdict names as the winner, if it names one. */
export function winningSchedule(doc: LrScheduleDocument) {
  const { outcome } = doc.verdict[0];
  return outcome.is === 'winner' ? doc.schedules.find((s) => s.name === outcome.who) : undefined;
}
