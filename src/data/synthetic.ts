import type { RandomStream } from '../random/seedStreams.ts';
import type { LabelledTable } from './table.ts';

export interface SyntheticOptions {
  samples: number;
  noise: number;
  classes: number;
}

type PointMaker = (cls: number, classes: number, t: number, data: RandomStream) => [number, number];

/**
 * 2-D point makers. `t` is a uniform draw in [0, 1) from the `data` stream; Gaussian noise with
 * standard deviation `noise` is added to both coordinates afterwards.
 */
const MAKERS: Record<string, { classes: (o: SyntheticOptions) => number; point: PointMaker }> = {
  // Two concentric circles, radii 1 and 0.5 (like scikit-learn's make_circles, factor 0.5).
  circles: { classes: () => 2, point: (c, _k, t) => polar(c === 0 ? 1 : 0.5, 2 * Math.PI * t) },
  // Two interleaved half circles (make_moons).
  moons: {
    classes: () => 2,
    point: (c, _k, t) => {
      const a = Math.PI * t;
      return c === 0 ? [Math.cos(a), Math.sin(a)] : [1 - Math.cos(a), 0.5 - Math.sin(a)];
    },
  },
  // Quadrants of [-1, 1]^2: class 0 where x*y > 0.
  xor: {
    classes: () => 2,
    point: (c, _k, _t, data) => {
      const ax = 0.05 + 0.95 * data.nextFloat();
      const ay = 0.05 + 0.95 * data.nextFloat();
      const sx = data.nextFloat() < 0.5 ? -1 : 1;
      return c === 0 ? [sx * ax, sx * ay] : [sx * ax, -sx * ay];
    },
  },
  // Round clusters with centers evenly spaced on a circle of radius 2; `noise` is their spread.
  blobs: {
    classes: (o) => o.classes,
    point: (c, k) => polar(2, (2 * Math.PI * c) / k),
  },
  // Interleaved spiral arms (the CS231n toy set), radius 0..1.
  spiral: {
    classes: (o) => o.classes,
    point: (c, k, t) => polar(t, (2 * Math.PI * c) / k + 4 * t),
  },
};

function polar(r: number, a: number): [number, number] {
  return [r * Math.cos(a), r * Math.sin(a)];
}

/** Generates a balanced 2-D set from the `data` stream (rows grouped by class). */
export function makeSynthetic(name: string, options: SyntheticOptions, data: RandomStream): LabelledTable {
  const maker = MAKERS[name];
  if (!maker) throw new Error(`unknown synthetic dataset "${name}"`);
  const classes = maker.classes(options);
  const n = options.samples;
  const x = new Float64Array(n * 2);
  const y = new Int32Array(n);
  let row = 0;
  for (let c = 0; c < classes; c++) {
    const count = Math.floor(n / classes) + (c < n % classes ? 1 : 0);
    for (let i = 0; i < count; i++, row++) {
      const [px, py] = maker.point(c, classes, data.nextFloat(), data);
      x[row * 2] = px + options.noise * data.nextNormal();
      x[row * 2 + 1] = py + options.noise * data.nextNormal();
      y[row] = c;
    }
  }
  return {
    rows: n,
    features: 2,
    classes,
    featureNames: ['x', 'y'],
    classNames: Array.from({ length: classes }, (_, c) => `class_${c}`),
    x,
    y,
  };
}
