import { describe, expect, it } from 'vitest';
import {
  forbiddenCharacter,
  parseStudySpec,
  type SpecError,
  unbalancedBidiControl,
  withBalancedBidi,
  withoutForbiddenCharacters,
} from '../src/index.ts';

describe('free text: what a title, a label or notes may hold', () => {
  it('finds C0 and C1 controls, U+FFFE/U+FFFF and unpaired surrogates, with where', () => {
    expect(forbiddenCharacter('a\u0000b')).toBe('U+0000 at position 1');
    expect(forbiddenCharacter('\u001b[31mred')).toBe('U+001B at position 0');
    expect(forbiddenCharacter('x\u007f')).toBe('U+007F at position 1'); // DEL
    expect(forbiddenCharacter('x\u0085')).toBe('U+0085 at position 1'); // C1 next line
    expect(forbiddenCharacter('ok\uFFFE')).toBe('U+FFFE at position 2');
    expect(forbiddenCharacter('ok\uFFFF')).toBe('U+FFFF at position 2');
    expect(forbiddenCharacter('lone \uD83D!')).toBe('U+D83D at position 5');
    expect(forbiddenCharacter('\uDE00 low first')).toBe('U+DE00 at position 0');
  });

  it('lets through what people write: any script, emoji pairs, and line breaks in multi-line fields', () => {
    expect(forbiddenCharacter('Adam 0.001 − SGD, β₁ 0.9 · 中文标题 😀')).toBeNull();
    expect(forbiddenCharacter('tab\there')).toBe('U+0009 at position 3');
    expect(forbiddenCharacter('line\nbreak\r\n\ttab', true)).toBeNull();
    expect(forbiddenCharacter('bell\u0007', true)).toBe('U+0007 at position 4');
  });

  it('a renderer can drop them from text stored before the rule', () => {
    expect(withoutForbiddenCharacters('a\u0000b\u001b[31m\uFFFEc\uD800 😀\n')).toBe('ab[31mc 😀\n');
  });

  it('finds bidirectional controls left open or closing nothing, and lets balanced ones through', () => {
    // U+202E RLO at the end of a label: it would reverse everything drawn after it.
    expect(unbalancedBidiControl('label\u202E')).toBe('U+202E at position 5');
    expect(unbalancedBidiControl('\u2069 stray PDI')).toBe('U+2069 at position 0');
    expect(unbalancedBidiControl('a\u202C')).toBe('U+202C at position 1'); // PDF with nothing open
    // Closed out of order: FSI, then RLO, then PDI (which closes no isolate while RLO is open).
    expect(unbalancedBidiControl('\u2068a\u202Eb\u2069')).toBe('U+2068 at position 0');
    expect(unbalancedBidiControl('\u2067שלום\u2069 and \u202Bab\u202C')).toBeNull();
    expect(unbalancedBidiControl('שלום עולם, Adam 0.001')).toBeNull();
  });

  it('a renderer can drop the unbalanced ones from text stored before the rule, keeping balanced ones', () => {
    expect(withBalancedBidi('label\u202E')).toBe('label');
    expect(withBalancedBidi('\u2069a\u2067b\u2069c\u202E')).toBe('a\u2067b\u2069c');
    expect(withBalancedBidi('😀\u202E')).toBe('😀');
  });

  it('the spec refuses them with a 400-style issue naming the field', () => {
    const base = { dataset: { name: 'iris' }, split: { kind: 'stratified' }, training: { optimizer: { kind: 'adam' } } };
    const issues = (input: unknown) => {
      try {
        parseStudySpec(input);
        return [];
      } catch (e) {
        return (e as SpecError).issues.map((i) => i.path);
      }
    };
    expect(issues({ ...base, title: 'a\u0000' })).toEqual(['title']);
    expect(issues({ ...base, notes: 'first line\nsecond\u0007' })).toEqual(['notes']);
    expect(issues({ kind: 'compare', a: { label: 'x\u001b', ...base }, b: { label: 'y', ...base } })).toEqual(['a.label']);
    expect(issues({ kind: 'lr-schedule', ...base, schedules: [{ name: 'c\uFFFF', type: 'constant', lr: 0.1 }] })).toEqual([
      'schedules.0.name',
    ]);
    expect(issues({ kind: 'compare', a: { label: 'Adam\u202E', ...base }, b: { label: 'y', ...base } })).toEqual(['a.label']);
    expect(issues({ ...base, title: '\u2067عنوان' })).toEqual(['title']);
    expect(issues({ ...base, title: 'fine', notes: 'two\nlines' })).toEqual([]);
    expect(issues({ kind: 'compare', a: { label: '\u2067שלום\u2069', ...base }, b: { label: 'نموذج ٢', ...base } })).toEqual([]);
  });
});
