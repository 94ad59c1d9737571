import { describe, expect, it } from 'vitest';
import { glossaryLinker } from '../site/src/i18n/glossaryLinks.ts';

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
