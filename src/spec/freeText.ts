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
 * Bidirectional formatting controls (Unicode's UAX #9): the embeddings and overrides LRE, RLE, LRO,
 * RLO, closed by PDF, and the isolates LRI, RLI, FSI, closed by PDI. One left open reorders the
 * text after it ("Tied" drawn as "deiT" after a label ending in RLO), so a field may hold them only
 * balanced, each closed in the order opened.
 */
const EMBEDDING_OPENERS = new Set([0x202a, 0x202b, 0x202d, 0x202e]);
const ISOLATE_OPENERS = new Set([0x2066, 0x2067, 0x2068]);
const PDF = 0x202c;
const PDI = 0x2069;

/** Where `s` has a bidirectional control that closes nothing open, or that is never closed, in order. */
function unbalancedBidiPositions(s: string): number[] {
  const open: { at: number; isolate: boolean }[] = [];
  const stray: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (EMBEDDING_OPENERS.has(c) || ISOLATE_OPENERS.has(c)) open.push({ at: i, isolate: ISOLATE_OPENERS.has(c) });
    else if (c === PDF || c === PDI) {
      if (open.length > 0 && open[open.length - 1].isolate === (c === PDI)) open.pop();
      else stray.push(i);
    }
  }
  return [...stray, ...open.map((o) => o.at)].sort((a, b) => a - b);
}

/** The first unbalanced bidirectional control of `s` as "U+202E at position 5", or null. */
export function unbalancedBidiControl(s: string): string | null {
  const [first] = unbalancedBidiPositions(s);
  return first === undefined ? null : `U+${s.charCodeAt(first).toString(16).toUpperCase()} at position ${first}`;
}

/** `s` without its unbalanced bidirectional controls: text stored before the rule, made safe to isolate. */
export function withBalancedBidi(s: string): string {
  const drop = new Set(unbalancedBidiPositions(s));
  let out = '';
  for (let i = 0; i < s.length; i++) if (!drop.has(i)) out += s[i];
  return out;
}

/**
 * Every string in a new spec that holds a forbidden character or an unbalanced bidirectional
 * control, as spec issues naming its field (notes may span lines). Checked on input only (the API
 * and parseStudySpec), not in the document schemas, so documents stored before the rules stay
 * readable (pages isolate and balance such text).
 */
export function freeTextIssues(value: unknown, path: string[] = []): SpecIssue[] {
  if (typeof value === 'string') {
    const at = path.join('.');
    const found = forbiddenCharacter(value, path[path.length - 1] === 'notes');
    if (found) return [{ path: at, message: `must not contain control characters, unpaired surrogates or U+FFFE/U+FFFF (found ${found})` }];
    const bidi = unbalancedBidiControl(value);
    if (bidi) {
      return [
        {
          path: at,
          message: `a bidirectional control must be closed, in the order opened (found ${bidi} unbalanced): close it or remove it`,
        },
      ];
    }
    return [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => freeTextIssues(v, [...path, String(i)]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => freeTextIssues(v, [...path, k]));
  return [];
}
