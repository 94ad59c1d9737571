/**
 * Where a study stands, as the Worker derives it from the keys it stores: queued, running, done,
 * partial (a document built without the units that failed for good; a retry can complete it) or
 * failed (too much failed for the kind to answer). The one list the store, the API's schema, the
 * pages and the CLI share.
 */
export const STUDY_STATUSES = ['queued', 'running', 'done', 'partial', 'failed'] as const;
export type StudyStatus = (typeof STUDY_STATUSES)[number];
