import { describe, expect, it } from 'vitest';
import { glossaryLinker } from '../site/src/presentation/glossaryLinks.ts';

const glossary = {
  title: 'Glossary',
  intro: '',
  terms: [
    { id: 'ci', term: 'CI', uses: ['confidence interval', 'CI'], text: '' },
    { id: 'iqr', term: 'IQR', uses: ['IQR'], text: '' },
  ],
};

describe('glossaryLinker', () => {
  it('links the first use of each term on a page, whole words only', () => {
    const gloss = glossaryLinker(glossary);
    expect(gloss('The CI of CIFAR, and the CI again.')).toEqual([
      { text: 'The ' },
      { text: 'CI', term: 'ci' },
      { text: ' of CIFAR, and the CI again.' },
    ]);
    // Later sentences of the same page: the CI is linked already; the IQR is not yet.
    expect(gloss('A confidence interval and an IQR.')).toEqual([
      { text: 'A confidence interval and an ' },
      { text: 'IQR', term: 'iqr' },
      { text: '.' },
    ]);
  });
});

describe('names from the spec', () => {
  it('are marked wherever they stand as whole words, and never hide a glossary term', () => {
    const gloss = glossaryLinker(glossary, ['step', 'one-cycle', 'x']);
    expect(gloss('step 与 one-cycle 的 CI；steps 不是。')).toEqual([
      { text: 'step', name: true },
      { text: ' 与 ' },
      { text: 'one-cycle', name: true },
      { text: ' 的 ' },
      { text: 'CI', term: 'ci' },
      { text: '；steps 不是。' },
    ]);
  });
  it('are every string of a spec but its title', async () => {
    const { specStrings } = await import('../site/src/presentation/glossaryLinks.ts');
    expect(specStrings({ title: 'T', a: { label: 'adam', n: 3 }, schedules: [{ name: 'step' }], ok: true })).toEqual(['adam', 'step']);
  });
});

describe('terms kept in English', () => {
  it('are explained once per page, at their first use, in either spelling, and a glossary term stays a link', () => {
    const gloss = glossaryLinker(glossary, ['adam'], { MLP: '多层感知机', adam: '优化器', Adam: '优化器' });
    expect(gloss('MLP 用 adam 训练，CI 见下。')).toEqual([
      { text: 'MLP', name: true, note: '多层感知机' },
      // The note's closing bracket takes no space after it.
      { text: '用 ' },
      { text: 'adam', name: true, note: '优化器' },
      { text: '训练，' },
      { text: 'CI', term: 'ci' },
      { text: ' 见下。' },
    ]);
    // Later on the page: kept as written, not explained again ("Adam" is the same optimizer).
    expect(gloss('更新：Adam，MLP。')).toEqual([
      { text: '更新：' },
      { text: 'Adam', name: true },
      { text: '，' },
      { text: 'MLP', name: true },
      { text: '。' },
    ]);
  });
});

describe('fingerprints', () => {
  it('are names in every language, whole or cut short, and nothing shorter is', () => {
    const gloss = glossaryLinker(glossary);
    // A shortened fingerprint as the verdicts write it, and a 10-digit hex word that is not one.
    expect(gloss('seed 1: eeb4df641622…, and cafe0badde.')).toEqual([
      { text: 'seed 1: ' },
      { text: 'eeb4df641622…', name: true },
      { text: ', and cafe0badde.' },
    ]);
  });
});

describe('text a user wrote', () => {
  it('is one isolated part (for <bdi>), marked as a name when it is one, and never searched for terms', () => {
    const gloss = glossaryLinker(glossary, ['CI run']);
    // FSI (U+2068) and PDI (U+2069) around the user's label, as the phrase renderer isolates it.
    expect(gloss('\u2068CI run\u2069 beats \u2068שלום\u2069 by 2 points, CI [1, 3].')).toEqual([
      { text: 'CI run', isolated: true, name: true },
      { text: ' beats ' },
      { text: 'שלום', isolated: true },
      { text: ' by 2 points, ' },
      { text: 'CI', term: 'ci' },
      { text: ' [1, 3].' },
    ]);
  });

  it('nests: only the outermost isolate is a part, inner marks stay in its text', () => {
    expect(glossaryLinker(glossary)('a \u2068x \u2067b\u2069 y\u2069 c')).toEqual([
      { text: 'a ' },
      { text: 'x \u2067b\u2069 y', isolated: true },
      { text: ' c' },
    ]);
  });
});
