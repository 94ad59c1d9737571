import type { SpecIssue } from './specError.ts';

/**
 * Characters a free-text field may not hold: C0 controls, DEL and C1 controls (U+007F..U+009F),
 * the noncharacters U+FFFE and U+FFFF, and surrogates that are not part of a pair. They are
 * invisible, break XML renderers (the PNG preview) and terminals, and no title needs them.
 * Multi-line fields keep tab, line feed and carriage return.
 */
const isLineBreakOrTab = (c: number) => c === 0x09 || c === 0x0a || c === 0x0d;
const isControl = (c: number) => c < 0x20 || (c >= 0x7f && c <= 0x9f);
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The first forbidden character of `s` as "U+0000 at position 3", or null. */
export function forbiddenCharacter(s: string, multiLine = false): string | null {
  const at = (i: number) => `U+${s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')} at position ${i}`;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isControl(c) && !(multiLine && isLineBreakOrTab(c))) return at(i);
    if (c === 0xfffe || c === 0xffff || isLowSurrogate(c)) return at(i);
    if (isHighSurrogate(c)) {
      if (!isLowSurrogate(s.charCodeAt(i + 1))) return at(i);
      i++; // a pair: one character outside the basic plane
    }
  }
  return null;
}

/**
 * `s` without the characters the fields refuse (line breaks and tabs kept). For renderers given
 * text stored before the rule, or words built from it: XML (SVG, the PNG preview) cannot hold them.
 */
export function withoutForbiddenCharacters(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHighSurrogate(c) && isLowSurrogate(s.charCodeAt(i + 1))) {
      out += s.slice(i, i + 2);
      i++;
    } else if (!forbiddenCharacter(s[i], true)) out += s[i];
  }
  return out;
}

/**
 * Every string in a new spec that holds a forbidden character, as spec issues naming its field
 * (notes may span lines). Checked on input only (the API and parseStudySpec), not in the document
 * schemas, so documents stored before the rule stay readable.
 */
export function freeTextIssues(value: unknown, path: string[] = []): SpecIssue[] {
  if (typeof value === 'string') {
    const found = forbiddenCharacter(value, path[path.length - 1] === 'notes');
    return found
      ? [{ path: path.join('.'), message: `must not contain control characters, unpaired surrogates or U+FFFE/U+FFFF (found ${found})` }]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => freeTextIssues(v, [...path, String(i)]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => freeTextIssues(v, [...path, k]));
  return [];
}
