import { datasetLabelOf, digestOf, presetOfSpec, type StudyDocument, type StudyStatus } from '../../src/index.ts';
import { jsonBytes, KV_METADATA_BYTES, type ListingFacts, type StudyRecord } from './store.ts';

/**
 * A study's listing entry: facts, not words (kind, dataset, status, dates, the user's title, the
 * preset, the kind's digest), worded per locale when a page or the API reads them, so no words are
 * frozen in KV. Workers KV caps a key's metadata at 1,024 bytes of JSON; a long title or long names
 * in a digest are cut (with "…") until the entry fits. The whole title stays in the record's spec,
 * and a report always words from its document.
 */
export const LISTING_METADATA_BYTES = KV_METADATA_BYTES;

/** `s` cut to at most `max` characters (whole code points), with an ellipsis when cut. */
function cut(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}
/** Every string in a digest cut to `max` characters. */
const cutStrings = (value: unknown, max: number): unknown =>
  typeof value === 'string'
    ? cut(value, max)
    : Array.isArray(value)
      ? value.map((v) => cutStrings(v, max))
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cutStrings(v, max)]))
        : value;

/** Longest first: the user's title, then the names a digest holds, cut shorter until the entry fits. */
const TITLE_CHARACTERS = [200, 120, 80, 48, 24];
const DIGEST_CHARACTERS = [Number.POSITIVE_INFINITY, 48, 32, 24, 16, 12];

export function listingFacts(record: StudyRecord, status: StudyStatus, document?: StudyDocument): ListingFacts {
  const preset = presetOfSpec(record.spec)?.name;
  const dataset = datasetLabelOf(record.spec);
  const header: ListingFacts = {
    v: 2,
    id: record.id,
    kind: record.kind,
    ...(dataset ? { dataset } : {}),
    createdAt: record.createdAt,
    status,
    ...(preset ? { preset } : {}),
  };
  return fitListing(header, record.spec.title, document && digestOf(document));
}

/** The entry with the user's title and the digest, cut (title first) until its JSON fits KV's metadata limit. */
export function fitListing(header: ListingFacts, title?: string, digest?: unknown): ListingFacts {
  for (const digestMax of DIGEST_CHARACTERS)
    for (const titleMax of TITLE_CHARACTERS) {
      const entry: ListingFacts = {
        ...header,
        ...(title ? { userTitle: cut(title, titleMax) } : {}),
        ...(digest === undefined ? {} : { digest: cutStrings(digest, digestMax) }),
      };
      if (jsonBytes(entry) <= LISTING_METADATA_BYTES) return entry;
    }
  // Not reached within the spec's limits (tests/listing.test.ts tries the largest); without its
  // digest, an entry is worded from its document instead.
  return { ...header, ...(title ? { userTitle: cut(title, TITLE_CHARACTERS[TITLE_CHARACTERS.length - 1]) } : {}) };
}
