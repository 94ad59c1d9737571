// Type-level tests, checked by `npm run typecheck` (tsc), never run: a translation with a missing
// phrase or different placeholders, and a message with the wrong values, do not type-check.
import { phraseBook, translationOf } from '../site/src/presentation/phrases.ts';

const en = { title: 'Seeds: {seeds}', seeds: { one: '{n} seed', other: '{n} seeds' }, axis: 'epoch' } as const;

export const complete = translationOf<typeof en>()({ title: '种子：{seeds}', seeds: { other: '{n} 个种子' }, axis: '轮次' });
// @ts-expect-error a phrase is missing (axis)
export const missingPhrase = translationOf<typeof en>()({ title: '种子：{seeds}', seeds: { other: '{n} 个种子' } });
export const missingPlaceholder = translationOf<typeof en>()({
  // @ts-expect-error the translation drops {seeds}
  title: '种子',
  seeds: { other: '{n} 个种子' },
  axis: '轮次',
});
export const extraPlaceholder = translationOf<typeof en>()({
  // @ts-expect-error the translation adds {runs}, which English lacks
  title: '种子：{seeds}，{runs}',
  seeds: { other: '{n} 个种子' },
  axis: '轮次',
});
// @ts-expect-error a translation cannot hold a function (a table cannot branch)
export const branching = translationOf<typeof en>()({ title: (n: number) => (n > 1 ? 'a' : 'b'), seeds: { other: '{n}' }, axis: 'x' });

const book = phraseBook({ en, zh: complete });
export const fine = [book.say('title', { seeds: 3 }), book.say('seeds', { n: 2 }), book.say('axis')];
// @ts-expect-error a value is missing
export const noValue = book.say('title', {});
// @ts-expect-error a plural phrase needs a number n
export const notANumber = book.say('seeds', { n: 'two' });
// @ts-expect-error no such phrase
export const noPhrase = book.say('subtitle');
