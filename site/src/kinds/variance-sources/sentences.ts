import { type DigestOfKind, type DocumentOfKind, readingsOf } from '../../../../src/index.ts';
import { type Arg, and, num, pct, phraseBook, pts, sci, sentencesOf } from '../../presentation/phrases.ts';
import { kindSentences, no, none, points, seeds, trainingMethod, undecided, yes as yesWord } from '../../presentation/sentences.ts';
import { en } from './en.ts';
import { zh } from './zh.ts';

type Doc = DocumentOfKind<'variance-sources'>;
export const phrases = phraseBook({ en, zh });
const say = phrases.say;
const { sourceOf, singleSources, byUse, addUpReading, backendsAgree } = readingsOf('variance-sources');

/** A source by its name ("init" -> "init", "初始权重"); a name the table lacks is shown as it is. */
export const sourceName = (name: string): Arg => (name in en.sources ? say(`sources.${name as keyof typeof en.sources}`) : name);
const sourceNames = (names: readonly string[]) => and(names.map(sourceName));
/** A source in words ("the train/test split"), for the big answer and the headline. */
const sourceWords = (name: string): Arg => (name in en.sourceWords ? say(`sourceWords.${name as keyof typeof en.sourceWords}`) : name);
const interval = (ci: readonly [number, number] | null, value: (x: number) => Arg): Arg =>
  ci ? say('interval', { lo: value(ci[0]), hi: value(ci[1]) }) : '';
/** A source's standard deviation in points with its chi-square interval. */
const spread = (doc: Doc, source: string): Arg => {
  const s = sourceOf(doc, source);
  return say('spread', { std: points(s?.std ?? null), interval: interval(s?.stdInterval ?? null, (x) => pts(x)) });
};

/** Which sentence a variance-sources study gets, for every locale. */
export const sentences = kindSentences<Doc, DigestOfKind<'variance-sources'>>({
  name: say('name'),
  question: (doc) =>
    say('question', {
      sources: sourceNames(singleSources(doc)),
      runs: doc.spec.runs,
      baseSeed: doc.spec.baseSeed,
      seeds: seeds(doc.spec.implementationSeeds),
    }),
  title: (s) => say('title', { dataset: s.dataset, runs: s.digest.runs }),
  presetTitles: { 'digits-variance-sources': () => say('presetTitles.digits-variance-sources') },
  headline: ({ digest: { allStd, largest, failed } }) =>
    failed && 2 * failed.runs > failed.of
      ? say('headlineFailed', { failed: failed.runs, runs: failed.of })
      : say('headline', {
          std: points(allStd),
          top:
            largest.leader === null
              ? none
              : largest.outcome === 'winner'
                ? largest.leaderStd == null
                  ? sourceWords(largest.leader)
                  : say('headlineWinner', { source: sourceWords(largest.leader), std: points(largest.leaderStd) })
                : say('headlineTied', { sources: and([largest.leader, ...largest.tiedWith].map(sourceWords)) }),
        }),
  badge: ({ digest: d }) =>
    d.failed && 2 * d.failed.runs > d.failed.of
      ? say('badgeFailed', { failed: d.failed.runs, runs: d.failed.of })
      : say('badge', { std: points(d.allStd) }),
  verdict: (doc) =>
    doc.verdict.map((v) => {
      if (v.question === 'largest-source') {
        const question = say('largest.question');
        // The leader is null exactly when the outcome is undecided.
        if (v.outcome.is === 'undecided' || v.facts.leader === null)
          return undecided(question, v.outcome.is === 'undecided' ? v.outcome.because : 'all-diverged');
        const { leader, tiedWith, comparisons, level } = v.facts;
        const { varied, fixed } = byUse(doc, v.facts.ranking);
        const cannotVary = fixed.flatMap((s) => {
          const reason = sourceOf(doc, s)?.unusedBecause;
          return reason ? [say(`cannotVary.${reason}`, { source: sourceName(s) })] : [];
        });
        const singles = varied.map((source) => {
          const s = sourceOf(doc, source);
          const share = s?.share == null ? '' : say('largest.share', { share: pct(s.share), interval: interval(s.shareInterval, pct) });
          return say('largest.single', { source: sourceName(source), spread: spread(doc, source), share });
        });
        const ratios = and(
          comparisons
            .filter((c) => varied.includes(c.against))
            .map((c) =>
              c.ratio === null
                ? say('largest.noSpread', { source: sourceName(c.against) })
                : say('largest.ratio', {
                    ratio: num(c.ratio, 2),
                    interval: interval(c.interval, (x) => num(x, 2)),
                    source: sourceName(c.against),
                  }),
            ),
        );
        const ranking =
          v.outcome.is === 'winner'
            ? say('largest.winner', { leader: sourceName(leader), level: pct(level, 2), ratios })
            : say('largest.tied', { leader: sourceName(leader), others: sourceNames(tiedWith), level: pct(level, 2), ratios });
        const { testSampling } = doc;
        const scale =
          testSampling.standardError === null || testSampling.accuracy === null
            ? ''
            : say('largest.scale', {
                accuracy: pct(testSampling.accuracy),
                testRows: testSampling.testRows,
                se: points(testSampling.standardError),
                fixedSplit: sourceOf(doc, 'split')?.unusedBecause === 'fixed-split' ? say('largest.fixedSplit') : '',
              });
        return {
          question,
          short:
            v.outcome.is === 'winner'
              ? say('largest.winnerShort', { source: sourceWords(leader), std: points(sourceOf(doc, leader)?.std ?? null) })
              : say('largest.tiedShort', { sources: and([leader, ...tiedWith].map(sourceWords)) }),
          tone: 'neutral',
          answer: say('largest.answer', {
            ranking,
            all: spread(doc, 'all'),
            singles: and(singles),
            cannotVary: cannotVary.length ? say('cannotVaryAll', { reasons: sentencesOf(cannotVary) }) : '',
            scale,
          }),
        };
      }
      if (v.question === 'sources-add-up') {
        const question = say('addUp.question');
        if (v.outcome.is === 'undecided') return undecided(question, v.outcome.because, 'neutral');
        const reading = addUpReading(v.facts);
        const measured = say('addUp.measured', {
          expected: points(reading.expectedStd),
          all: points(reading.allStd),
          ratio: num(reading.ratio, 2),
          interval: interval(v.facts.ratioInterval, (x) => num(x, 2)),
        });
        const yes = v.outcome.is === 'yes';
        return {
          question,
          short: yes ? yesWord : no,
          tone: 'neutral',
          answer: say(yes ? 'addUp.yes' : reading.direction === 'more' ? 'addUp.more' : 'addUp.less', { measured }),
        };
      }
      const question = say('implementation.question');
      if (v.outcome.is === 'undecided') return undecided(question, v.outcome.because, 'neutral');
      const yes = v.outcome.is === 'yes';
      const im = doc.implementation;
      const agree = backendsAgree(doc);
      // Equal weights mean equal accuracy: said as such, never as "differs by at most 0.00 points".
      const difference = say(agree.sameAccuracy ? 'implementation.sameAccuracy' : 'implementation.differs', {
        weightDiff: sci(im.maxAbsWeightDiff),
        accuracyDiff: points(im.maxAbsAccuracyDiff),
      });
      const counts = { identical: v.facts.identical, seeds: v.facts.seeds };
      return {
        question,
        short: yes ? yesWord : no,
        tone: 'neutral',
        answer:
          yes && agree.sameWeights
            ? say('implementation.answerIdentical', counts)
            : say(yes ? 'implementation.answerYes' : 'implementation.answerNo', { ...counts, difference }),
      };
    }),
  method: (doc) => [
    ...trainingMethod(doc.spec, null),
    say('method.sources', { sources: sourceNames(singleSources(doc)), runs: doc.spec.runs, baseSeed: doc.spec.baseSeed }),
    say('method.uncertainty'),
    say('method.implementation', { seeds: doc.spec.implementationSeeds }),
  ],
});
