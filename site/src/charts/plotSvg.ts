import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/**
 * Observable Plot rendered to static SVG on the server, with linkedom as the DOM. Charts draw what
 * the study document holds: every statistic they show (means, medians, intervals) comes from the
 * document; Plot only bins, stacks and lays out.
 */
export function renderSvg(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({ ...options, document } as Plot.PlotOptions) as unknown as { outerHTML: string };
  return svg.outerHTML;
}

export const ACCENT = 'var(--accent, #2563eb)';

export interface AccuracyGroup {
  label: string;
  runs: { seed: number; testAccuracy: number | null; diverged: boolean }[];
  /** The group's mean accuracy as the document records it, or null when every run diverged. */
  mean: number | null;
}

export interface GroupedAccuracyLabels {
  axis: string;
  alt: string;
  seedDot: (seed: number, accuracy: string) => string;
  /** A proportion as the reader's locale writes it. */
  pct: (x: number, digits?: number) => string;
}

/** Accuracy per run for labelled groups (arms, schedules, sources), with each group's recorded mean as a tick. */
export function groupedAccuracySvg(groups: AccuracyGroup[], labels: GroupedAccuracyLabels, width = 640): string {
  const dots = groups.flatMap((g) =>
    g.runs.flatMap((r) =>
      !r.diverged && r.testAccuracy !== null
        ? [{ label: g.label, seed: r.seed, accuracy: 100 * r.testAccuracy, text: labels.seedDot(r.seed, labels.pct(r.testAccuracy, 2)) }]
        : [],
    ),
  );
  const means = groups.flatMap((g) => (g.mean === null ? [] : [{ label: g.label, mean: 100 * g.mean }]));
  return renderSvg({
    width,
    height: 60 + 36 * groups.length,
    marginLeft: 150,
    x: { label: labels.axis, nice: true },
    y: { label: null, domain: groups.map((g) => g.label) },
    ariaLabel: labels.alt,
    marks: [
      Plot.tickX(means, { x: 'mean', y: 'label', stroke: 'currentColor', strokeWidth: 2 }),
      Plot.dot(dots, {
        x: 'accuracy',
        y: 'label',
        fill: ACCENT,
        fillOpacity: 0.75,
        r: 3.5,
        title: 'text',
      }),
    ],
  });
}
