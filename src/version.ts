/** Bumped whenever a change can alter any number in a study document (ids include it). */
export const ENGINE_VERSION = '0.6.0';
/** Version of the study document shape; readers check it before trusting fields. */
export const DOCUMENT_VERSION = 3 as const;
