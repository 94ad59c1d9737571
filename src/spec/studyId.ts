import { sha256Hex } from '../fingerprint/sha256Hex.ts';
import { ENGINE_VERSION } from '../version.ts';

/** JSON with object keys sorted at every level: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}

/** What a study id looks like: the first 20 hex digits of its content address (studyId). Paths build their patterns from it. */
export const STUDY_ID_PATTERN = '[0-9a-f]{20}';
export const STUDY_ID = new RegExp(`^${STUDY_ID_PATTERN}$`);

/** Content address of a study: hash of the canonical (normalized) spec plus the engine version. */
export async function studyId(spec: { kind: string }): Promise<string> {
  const text = canonicalJson({ engine: ENGINE_VERSION, spec });
  return (await sha256Hex(new TextEncoder().encode(text))).slice(0, 20);
}
