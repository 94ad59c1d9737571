import type { StudyDocument } from './studyDocument.ts';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const lr = (x: number | null) => (x === null ? 'n/a' : x.toPrecision(2));

/** A one-line key result of a document (English), for listings and badges. Formatting only. */
export function studyHeadline(doc: StudyDocument): string {
  switch (doc.kind) {
    case 'seed-variance': {
      const s = doc.summary;
      const det = doc.repeatability.identical ? 'deterministic ✓' : 'not deterministic ✗';
      return s
        ? `${doc.runs.length} seeds: ${pct(s.mean)} ± ${(100 * s.std).toFixed(2)}, ${det}`
        : `${doc.runs.length} seeds: all diverged`;
    }
    case 'lr-range-test': {
      const s = doc.suggestions[doc.verification.suggestion];
      const holds = doc.verification.holdsUp === null ? '' : doc.verification.holdsUp ? ', holds up ✓' : ', does not hold up ✗';
      return `${doc.verification.suggestion} lr ${lr(s.median)} (IQR ${s.iqrDecades?.toFixed(2) ?? 'n/a'} decades)${holds}`;
    }
    case 'lr-schedule': {
      const best = doc.schedules.find((s) => s.name === doc.best);
      return best?.summary ? `best: ${best.name}, ${pct(best.summary.mean)} over ${best.runs.length} seeds` : 'all diverged';
    }
    case 'data-size': {
      const sizes = doc.spec.sizes;
      return `best at ${sizes[0]} rows: ${doc.leaders.smallest}; at ${sizes[sizes.length - 1]}: ${doc.leaders.largest}`;
    }
    case 'variance-sources': {
      const all = doc.sources.find((s) => s.name === 'all');
      const top = [...doc.sources].filter((s) => s.name !== 'all').sort((a, b) => (b.std ?? 0) - (a.std ?? 0))[0];
      return `all sources: std ${all?.std === null || !all ? 'n/a' : (100 * all.std).toFixed(2)} pts; largest: ${top?.name}`;
    }
    case 'determinism-audit': {
      const same = doc.rows.filter((r) => r.category === 'always-same').map((r) => r.model);
      return `always the same model: ${same.join(', ') || 'none'}`;
    }
    case 'compare': {
      const d = doc.difference;
      return d
        ? `${doc.arms[0].label} − ${doc.arms[1].label}: ${(100 * d.meanDiff).toFixed(2)} pts [${(100 * d.ci95[0]).toFixed(2)}, ${(100 * d.ci95[1]).toFixed(2)}]`
        : 'no verdict';
    }
  }
}
