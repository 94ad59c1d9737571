import type { CompareDocument, SeedResult } from '../document/studyDocument.ts';
import { describeEnvironment } from '../fingerprint/environment.ts';
import type { CompareSpec } from '../spec/schema.ts';
import { studyId } from '../spec/studyId.ts';
import { bootstrapInterval, mean } from '../stats/summarize.ts';
import { DOCUMENT_VERSION } from '../version.ts';
import { runSeeds } from './runSeeds.ts';
import { chunk, pct, seedResult, summarizeRuns, type StudyKindModule } from './studyKind.ts';

const Z_975 = 1.959963984540054; // two-sided 95%
const Z_80 = 0.8416212335729143; // 80% power

/** P(a > b) for a fresh draw of each: the share of pairs where a wins, ties counting half. */
export function probabilityOfSuperiority(a: number[], b: number[]): number {
  let wins = 0;
  for (const x of a) for (const y of b) wins += x > y ? 1 : x === y ? 0.5 : 0;
  return wins / (a.length * b.length);
}

/** Seeds per arm for a two-sample test to detect `delta` at 95% (two-sided) with 80% power. */
export function seedsToDetect(delta: number, stdA: number, stdB: number): number | null {
  if (delta === 0) return null;
  const pooled = Math.sqrt((stdA ** 2 + stdB ** 2) / 2);
  return Math.max(2, Math.ceil(2 * (((Z_975 + Z_80) * pooled) / Math.abs(delta)) ** 2));
}

export const compare: StudyKindModule<CompareSpec> = {
  plan(spec, seedsPerUnit) {
    return (['a', 'b'] as const).flatMap((arm) => chunk(spec.seeds, seedsPerUnit).map((seeds) => ({ purpose: 'arm', arm, seeds })));
  },

  async runUnit(spec, unit, context) {
    const { label: _label, ...setup } = spec[unit.arm as 'a' | 'b'];
    return (await runSeeds(setup, unit.seeds, { onEpoch: context.onEpoch })).map((o) => seedResult(o.record));
  },

  async combine(spec, units, results) {
    const runsOf = (arm: 'a' | 'b') =>
      units.flatMap((u, i) => (u.arm === arm ? (results[i] as SeedResult[]) : [])).sort((x, y) => x.seed - y.seed);
    const arms = (['a', 'b'] as const).map((arm) => {
      const runs = runsOf(arm);
      return { label: spec[arm].label, summary: summarizeRuns(runs), runs };
    });
    const [A, B] = arms;
    const accA = new Map(A.runs.filter((r) => !r.diverged && r.testAccuracy !== null).map((r) => [r.seed, r.testAccuracy as number]));
    const accB = new Map(B.runs.filter((r) => !r.diverged && r.testAccuracy !== null).map((r) => [r.seed, r.testAccuracy as number]));
    const paired = [...accA.keys()].filter((s) => accB.has(s)).map((s) => accA.get(s)! - accB.get(s)!);
    const difference = paired.length ? { meanDiff: mean(paired), ci95: bootstrapInterval(paired), pairs: paired.length } : null;
    const probability = accA.size && accB.size ? probabilityOfSuperiority([...accA.values()], [...accB.values()]) : null;
    const needed = A.summary && B.summary ? seedsToDetect(A.summary.mean - B.summary.mean, A.summary.std, B.summary.std) : null;
    const points = (x: number) => `${(100 * x).toFixed(2)} points`;
    const doc: CompareDocument = {
      documentVersion: DOCUMENT_VERSION,
      kind: 'compare',
      id: await studyId(spec),
      title: spec.title ?? `${spec.a.label} against ${spec.b.label}, ${spec.seeds.length} seeds`,
      spec,
      environment: describeEnvironment(),
      arms,
      difference,
      probabilityABeatsB: probability,
      seedsToDetect: needed,
      verdict: [
        {
          question: `Is ${spec.a.label} better than ${spec.b.label}?`,
          answer:
            difference && A.summary && B.summary
              ? `${spec.a.label} ${pct(A.summary.mean)} against ${spec.b.label} ${pct(B.summary.mean)}: a difference of ${points(difference.meanDiff)} (95% bootstrap CI ${points(difference.ci95[0])} to ${points(difference.ci95[1])}, paired by seed). ` +
                `${difference.ci95[0] > 0 || difference.ci95[1] < 0 ? 'The interval excludes zero.' : 'The interval includes zero: no clear winner.'} ` +
                `On a fresh seed, ${spec.a.label} beats ${spec.b.label} with probability ${pct(probability ?? 0)}. ` +
                (needed
                  ? `Detecting a difference this size at 95% with 80% power takes about ${needed} seeds per arm.`
                  : 'The means are equal.')
              : 'No verdict: runs diverged.',
        },
      ],
    };
    return doc;
  },
};
