import type { DigestOfKind, DocumentOfKind, MetricSpec } from '../../../../src/index.ts';
import { type Arg, and, type Message, pct, phraseBook, pts, sentencesOf, series, user, val } from '../../presentation/phrases.ts';
import { kindSentences, points, tied } from '../../presentation/sentences.ts';
import { en } from './en.ts';
import { zh } from './zh.ts';

type Doc = DocumentOfKind<'imported'>;
type Comparison = Doc['comparisons'][number];
export const phrases = phraseBook({ en, zh });
const say = phrases.say;

/** What the words need of a metric (the spec's, or a digest's). */
type Metric = Pick<MetricSpec, 'name' | 'unit' | 'higherIsBetter'>;

/** A value of the metric as its unit reads: a fraction or a percent as a percent, a raw metric in its own unit. */
export const metricValue = (m: Pick<Metric, 'unit'>, x: number): Arg =>
  m.unit === 'raw' ? val(x) : pct(m.unit === 'percent' ? x / 100 : x, 2);
/** A difference or spread of the metric: percentage points for a fraction or a percent, its own unit for a raw metric. */
export const metricDifference = (m: Pick<Metric, 'unit'>, d: number): Arg =>
  m.unit === 'raw' ? val(d) : points(m.unit === 'percent' ? d / 100 : d);
/** An interval endpoint of a difference, as metricDifference writes it without the unit word. */
export const metricEndpoint = (m: Pick<Metric, 'unit'>, d: number): Arg =>
  m.unit === 'raw' ? val(d) : pts(m.unit === 'percent' ? d / 100 : d);
/** The factor that draws the metric on a chart axis: percent for a fraction, as given otherwise. */
export const chartScale = (m: Pick<Metric, 'unit'>): number => (m.unit === 'fraction' ? 100 : 1);

const direction = (m: Pick<Metric, 'higherIsBetter'>) => say(m.higherIsBetter ? 'direction.higher' : 'direction.lower');
const metricName = (m: Pick<Metric, 'name'>) => user(m.name);
const runs = (n: number) => say('runs', { n });
const arms = (n: number) => say('arms', { n });

/** How a comparison was made: paired on its shared seeds, or unpaired. */
const design = (c: Comparison): Message => say(c.design === 'paired' ? 'verdict.paired' : 'verdict.unpaired', { n: c.sharedSeeds });

function spreadAnswer(doc: Doc): Message {
  const m = doc.spec.metric;
  const [arm] = doc.arms;
  const s = arm.statistics;
  const v = (x: number) => metricValue(m, x);
  const d = (x: number) => metricDifference(m, x);
  const p = arm.runsForPrecision;
  const precision =
    p === null
      ? say('verdict.noEffect')
      : p.runs === null
        ? say('verdict.precisionOut', { effect: d(p.halfWidth) })
        : say('verdict.precision', { effect: d(p.halfWidth), runs: p.runs });
  return say('verdict.spread', {
    mean: v(s.mean),
    meanLo: v(s.meanInterval[0]),
    meanHi: v(s.meanInterval[1]),
    std: d(s.std),
    stdLo: d(s.stdInterval[0]),
    stdHi: d(s.stdInterval[1]),
    median: v(s.median),
    medianLo: v(s.medianInterval[0]),
    medianHi: v(s.medianInterval[1]),
    iqm: v(s.iqm),
    iqmLo: v(s.iqmInterval[0]),
    iqmHi: v(s.iqmInterval[1]),
    worst: v(arm.worst.value),
    worstSeed: arm.worst.seed,
    best: v(arm.best.value),
    bestSeed: arm.best.seed,
    precision,
  });
}

function compareAnswer(doc: Doc, withinEffectSize: boolean): Message {
  const m = doc.spec.metric;
  const [A, B] = doc.arms;
  const [c] = doc.comparisons;
  const winner = doc.verdict[0].outcome.is === 'winner' ? doc.verdict[0].outcome.who : null;
  // A winner whose whole interval lies within the effect size: real, and smaller than what matters.
  const small =
    withinEffectSize && doc.effectSize !== null ? [say('verdict.smallWin', { effect: metricDifference(m, doc.effectSize) })] : [];
  const conclusion =
    winner !== null
      ? sentencesOf([
          say(winner === A.label ? 'verdict.aBetter' : 'verdict.bBetter', { winner: user(winner), direction: direction(m) }),
          ...small,
        ])
      : withinEffectSize && doc.effectSize !== null
        ? say('verdict.tiedWithin', { effect: metricDifference(m, doc.effectSize) })
        : say('verdict.tiedNoise');
  return say('verdict.compare', {
    a: user(A.label),
    meanA: metricValue(m, A.statistics.mean),
    b: user(B.label),
    meanB: metricValue(m, B.statistics.mean),
    difference: metricDifference(m, c.meanDiff),
    design: design(c),
    lo: metricEndpoint(m, c.interval[0]),
    hi: metricEndpoint(m, c.interval[1]),
    conclusion,
    probability: say(c.design === 'paired' ? 'verdict.probabilityPaired' : 'verdict.probabilityUnpaired', {
      a: user(A.label),
      b: user(B.label),
      p: pct(c.probabilityOfImprovement),
    }),
    needed: c.runsNeeded
      ? say(c.design === 'paired' ? 'verdict.neededPaired' : 'verdict.neededUnpaired', {
          effect: metricDifference(m, c.runsNeeded.effectSize),
          runs: c.runsNeeded.runs,
        })
      : '',
  });
}

function rankAnswer(doc: Doc, leader: string, tiedWith: string[]): Message {
  const m = doc.spec.metric;
  const differences = series(
    doc.comparisons.map((c) =>
      say('verdict.rankDifference', {
        leader: user(leader),
        other: user(doc.arms[c.b].label),
        difference: metricDifference(m, c.meanDiff),
        lo: metricEndpoint(m, c.interval[0]),
        hi: metricEndpoint(m, c.interval[1]),
        design: design(c),
      }),
    ),
  );
  const means = series(doc.arms.map((a) => say('verdict.mean', { label: user(a.label), mean: metricValue(m, a.statistics.mean) })));
  const method = say('verdict.rankMethod', { level: pct(doc.comparisons[0]?.level ?? 0.95, 2) });
  return tiedWith.length
    ? say('verdict.rankTied', { leader: user(leader), others: and(tiedWith.map(user)), method, differences, means })
    : say('verdict.rankWins', { leader: user(leader), method, differences, means });
}

/** Which sentence a study of imported runs gets, for every locale. */
export const sentences = kindSentences<Doc, DigestOfKind<'imported'>>({
  name: say('name'),
  question: (doc) => {
    const m = doc.spec.metric;
    const [A, B] = doc.arms;
    if (doc.arms.length === 1) return say('question.spread', { metric: metricName(m), label: user(A.label), runs: runs(A.runCount) });
    if (doc.arms.length === 2)
      return say('question.compare', {
        a: user(A.label),
        b: user(B.label),
        metric: metricName(m),
        direction: direction(m),
        runsA: runs(A.runCount),
        runsB: runs(B.runCount),
      });
    return say('question.rank', { arms: arms(doc.arms.length), metric: metricName(m), direction: direction(m) });
  },
  title: ({ digest: d }) =>
    d.difference
      ? say('title.compare', { a: user(d.difference.a), b: user(d.difference.b), metric: metricName(d.metric) })
      : d.arms > 2
        ? say('title.rank', { arms: arms(d.arms), metric: metricName(d.metric) })
        : say('title.spread', { metric: metricName(d.metric), runs: runs(d.runs) }),
  presetTitles: {},
  headline: ({ digest: d }) => {
    const m = d.metric;
    if (d.spread)
      return say('headline.spread', {
        metric: metricName(m),
        mean: metricValue(m, d.spread.mean),
        lo: metricValue(m, d.spread.meanInterval[0]),
        hi: metricValue(m, d.spread.meanInterval[1]),
        std: metricDifference(m, d.spread.std),
        runs: runs(d.runs),
      });
    if (d.difference) {
      const { better } = d.difference;
      return say('headline.compare', {
        a: user(d.difference.a),
        b: user(d.difference.b),
        difference: metricDifference(m, d.difference.meanDiff),
        lo: metricEndpoint(m, d.difference.interval[0]),
        hi: metricEndpoint(m, d.difference.interval[1]),
        metric: metricName(m),
        verdict: better ? say('headline.better', { arm: user(better === 'a' ? d.difference.a : d.difference.b) }) : say('headline.tied'),
      });
    }
    const leader = d.leader?.label ?? '';
    return say(d.leader?.wins ? 'headline.rankWins' : 'headline.rankTied', {
      leader: user(leader),
      arms: arms(d.arms),
      metric: metricName(m),
    });
  },
  badge: ({ digest: d }) =>
    d.spread
      ? say('badge.spread', { std: metricDifference(d.metric, d.spread.std) })
      : d.difference
        ? say('badge.compare', { difference: metricDifference(d.metric, d.difference.meanDiff) })
        : d.leader?.wins
          ? say('badge.rankWins', { leader: user(d.leader.label) })
          : say('badge.rankTied'),
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const m = doc.spec.metric;
      if (v.question === 'spread')
        return {
          question: say('verdict.spreadQuestion', { metric: metricName(m) }),
          short: metricDifference(m, doc.arms[0].statistics.std),
          tone: 'neutral',
          answer: spreadAnswer(doc),
        };
      if (v.question === 'a-better-than-b') {
        // The big answer says who is better and by how much, or that they are tied and how far apart.
        const [c] = doc.comparisons;
        const apart = c ? metricDifference(m, Math.abs(c.meanDiff)) : null;
        return {
          question: say('verdict.compareQuestion', { a: user(doc.arms[0].label), b: user(doc.arms[1].label) }),
          short:
            v.outcome.is === 'winner'
              ? say('verdict.shortWinner', { winner: user(v.outcome.who), difference: apart })
              : say('verdict.shortTied', { difference: apart }),
          tone: 'neutral',
          answer: compareAnswer(doc, v.facts.withinEffectSize),
        };
      }
      return {
        question: say('verdict.rankQuestion', { metric: metricName(m) }),
        short: v.outcome.is === 'winner' ? user(v.outcome.who) : tied,
        tone: 'neutral',
        answer: rankAnswer(doc, v.facts.leader, v.facts.tiedWith),
      };
    }),
  method: (doc) => {
    const { metric: m, source } = doc.spec;
    const named = [source?.framework, source?.url].filter((s): s is string => !!s);
    return [
      say('method.imported'),
      named.length ? say('method.source', { source: and(named.map(user)) }) : say('method.noSource'),
      ...(source?.notes ? [say('method.notes', { notes: user(source.notes) })] : []),
      say('method.metric', { metric: metricName(m), unit: say(`units.${m.unit}`), direction: direction(m) }),
      say('method.statistics'),
      ...(doc.arms.length > 1 ? [say('method.compare')] : []),
      ...(doc.arms.length > 2 ? [say('method.rank', { comparisons: doc.comparisons.length })] : []),
      ...(doc.effectSize !== null && doc.arms.length > 1 ? [say('method.needed', { effect: metricDifference(m, doc.effectSize) })] : []),
    ];
  },
});
