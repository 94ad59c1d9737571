import { describe, expect, it } from 'vitest';
import { and, lr, pct, phraseBook, pts, ranges, render, sentencesOf, series, translationOf } from '../site/src/presentation/phrases.ts';

// A small book, as a kind writes one: English, then its translation (checked by translationOf).
const en = {
  seeds: { one: '{n} seed', other: '{n} seeds' },
  answer: 'The {rule} rule suggests {lr} over {over}.',
  over: 'seeds {list}',
  labels: { dot: 'seed {seed}: {value}', axis: 'learning rate' },
} as const;
const zh = translationOf<typeof en>()({
  seeds: { other: '{n} 个种子' },
  answer: '{rule} 规则在{over}上建议 {lr}。',
  over: '种子 {list}',
  labels: { dot: '种子 {seed}：{value}', axis: '学习率' },
});
const book = phraseBook({ en, zh });

describe('phrases: decided once, rendered per locale', () => {
  it('fills placeholders with values rendered in the locale, nested phrases included', () => {
    const message = book.say('answer', { rule: 'steepest', lr: lr(0.000812), over: book.say('over', { list: and([1, 2, 3]) }) });
    expect(render(message, 'en')).toBe('The steepest rule suggests 0.000812 over seeds 1, 2, and 3.');
    // Chinese joins with 、 and 和 (CLDR), and the typesetting spaces Han from Latin and digits.
    expect(render(message, 'zh')).toBe('steepest 规则在种子 1、2 和 3 上建议 0.000812。');
  });

  it('leaves no space between two Chinese characters where a value may start with Chinese or a number', () => {
    // The method's "切成 {batches}": "12 个大小为 32 的批次" wants the space, "大小为 32 的批次" does not.
    const cut = translationOf<{ cut: 'cut {batches}' }>()({ cut: '切成 {batches}' });
    const words = phraseBook({ en: { cut: 'cut {batches}' } as const, zh: cut });
    expect(render(words.say('cut', { batches: '大小为 32 的批次' }), 'zh')).toBe('切成大小为 32 的批次');
    expect(render(words.say('cut', { batches: '12 个大小为 32 的批次' }), 'zh')).toBe('切成 12 个大小为 32 的批次');
  });

  it('chooses a plural form by Intl.PluralRules: English has one and other, Chinese only other', () => {
    expect([1, 2, 0].map((n) => render(book.say('seeds', { n }), 'en'))).toEqual(['1 seed', '2 seeds', '0 seeds']);
    expect([1, 2].map((n) => render(book.say('seeds', { n }), 'zh'))).toEqual(['1 个种子', '2 个种子']);
  });

  it('joins lists only in the locale’s ways, and writes a missing number as n/a', () => {
    const items = ['a', 'b', 'c'];
    expect(render(and(items), 'en')).toBe('a, b, and c');
    expect(render(series(items), 'en')).toBe('a; b; c');
    expect(render(series(items), 'zh')).toBe('a；b；c');
    expect(render(sentencesOf(['One.', 'Two.']), 'en')).toBe('One. Two.');
    expect(render(sentencesOf(['甲。', '乙。']), 'zh')).toBe('甲。乙。');
    expect(render(pct(null), 'en')).toBe('n/a');
    expect(render(pct(null), 'zh')).toBe('无');
    // Percentage points use the one minus sign (U+2212); runs of seeds become ranges.
    expect(render(pts(-0.0229), 'en')).toBe('−2.29');
    expect(render(ranges([1, 2, 3, 7]), 'en')).toBe('1–3 and 7');
  });

  it('gives pages each locale as texts, and phrases with placeholders as functions of their values', () => {
    const zhView = book.in('zh');
    expect(zhView.labels.axis).toBe('学习率');
    expect(zhView.labels.dot({ seed: 3, value: pct(0.9426) })).toBe('种子 3：94.3%');
    expect(book.in('en').seeds({ n: 1 })).toBe('1 seed');
  });

  it('names the phrase and the value when a table and a message disagree (a stored message, a hand-built table)', () => {
    const broken = phraseBook({ en: { a: 'x {y}' }, zh: { a: '{z}' } as never });
    expect(() => render(broken.say('a', { y: 1 }), 'zh')).toThrow('phrase "a" in zh has no value for {z}');
  });
});
