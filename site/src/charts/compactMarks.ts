import type * as Plot from '@observablehq/plot';
import { zlibSync } from 'fflate';

/**
 * Maps of the plane drawn light. A map is 40 x 40 cells (about a hundred rectangles once each row's
 * runs merge, more on a ragged boundary) and 100 dots a panel; as Plot's own elements (a <rect> or a
 * <circle> with its attributes each, drawn twice a chart, for wide screens and phones) the nine maps
 * of the moons preset's report weighed 340 KB. Here the cells are a small image (its size bounded by
 * the grid) and the dots one path per colour, in whole pixels: a zero-length line with round caps
 * is a dot (SVG 2, "Zero-length path segments"; resvg draws it too). These serve the Plot drawings
 * (a chart's SVG and PNG) and the report's own panels (MapPanels.astro, drawn once).
 */

const SVG = 'http://www.w3.org/2000/svg';
const round = Math.round;

/** Groups the index by each item's colour and writes one path per colour: `draw(items)` is the path data of a colour's items. */
function pathsByColour(
  group: SVGElement,
  index: number[],
  colours: ArrayLike<unknown>,
  context: Plot.Context,
  colour: (path: SVGPathElement, colour: string) => void,
  draw: (items: number[]) => string,
): SVGElement {
  const pieces = new Map<string, number[]>();
  for (const i of index) {
    const key = String(colours[i]);
    const items = pieces.get(key) ?? [];
    items.push(i);
    pieces.set(key, items);
  }
  for (const [key, items] of pieces) {
    const path = context.document.createElementNS(SVG, 'path');
    path.setAttribute('d', draw(items));
    colour(path, key);
    group.appendChild(path);
  }
  return group;
}

/** A map of classes on a square grid: the class at (column, row), rows from the bottom up. */
export interface ClassGrid {
  cells: number;
  classAt(column: number, row: number): number;
}

/**
 * Render option for a Plot.rect with one datum per map (`grids[i]` for datum i, its x1, x2, y1, y2
 * the map's corners): each map as an image of one pixel per cell, drawn without smoothing, in the
 * colour scale's class colours at `opacity`. Its size is bounded by the grid (40 x 40 cells: a
 * palette PNG of a few hundred bytes), however ragged the boundary.
 */
export const gridsAsImages =
  (grids: ClassGrid[], classes: number, opacity: number): Plot.RenderFunction =>
  (index, scales, values, _dimensions, context) => {
    const { x1, x2, y1, y2 } = values as unknown as Record<'x1' | 'x2' | 'y1' | 'y2', number[]>;
    const group = context.document.createElementNS(SVG, 'g');
    const palette = Array.from({ length: classes }, (_, c) => rgbOf(String(scales.color?.(String(c)) ?? '#888888')));
    for (const i of index) {
      const grid = grids[i];
      const [left, right] = [round(Math.min(x1[i], x2[i])), round(Math.max(x1[i], x2[i]))];
      const [top, bottom] = [round(Math.min(y1[i], y2[i])), round(Math.max(y1[i], y2[i]))];
      const image = context.document.createElementNS(SVG, 'image');
      for (const [name, value] of [
        ['href', `data:image/png;base64,${classGridPng(grid, palette, opacity)}`],
        ['x', String(left)],
        ['y', String(top)],
        ['width', String(right - left)],
        ['height', String(bottom - top)],
        ['preserveAspectRatio', 'none'],
        // Cells as blocks, not blurred (resvg, drawing the PNG route, smooths them).
        ['style', 'image-rendering:pixelated'],
      ])
        image.setAttribute(name, value);
      // The panel's frame, one path.
      const frame = context.document.createElementNS(SVG, 'path');
      frame.setAttribute('d', `M${left} ${top}h${right - left}v${bottom - top}h${left - right}z`);
      for (const [name, value] of [
        ['fill', 'none'],
        ['stroke', 'currentColor'],
        ['stroke-opacity', '0.3'],
      ])
        frame.setAttribute(name, value);
      group.appendChild(image);
      group.appendChild(frame);
    }
    return group;
  };

/** "#rrggbb" (Plot's categorical colours) as [r, g, b]; grey for anything else. */
export function rgbOf(colour: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  return m ? ([1, 2, 3].map((k) => Number.parseInt(m[k], 16)) as [number, number, number]) : [136, 136, 136];
}

/** A grid as a palette PNG, base64 (PNG spec, ISO/IEC 15948: IHDR, PLTE, tRNS, IDAT, IEND; rows top down). */
export function classGridPng(grid: ClassGrid, palette: [number, number, number][], opacity: number): string {
  const n = grid.cells;
  const raw = new Uint8Array(n * (n + 1));
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) raw[y * (n + 1) + 1 + x] = grid.classAt(x, n - 1 - y);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, n);
  view.setUint32(4, n);
  header.set([8, 3, 0, 0, 0], 8);
  const bytes = concat([
    Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10),
    chunk('IHDR', header),
    chunk('PLTE', Uint8Array.from(palette.flat())),
    // Every palette entry at `opacity` (tRNS): the map lies over the page, light or dark.
    chunk('tRNS', new Uint8Array(palette.length).fill(Math.round(255 * opacity))),
    chunk('IDAT', zlibSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let k = 0; k < 4; k++) out[4 + k] = type.charCodeAt(k);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** CRC-32 (the PNG spec's, polynomial 0xedb88320), which fflate does not export. */
const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Dots as path data, in whole pixels: the first point absolute, each next relative to the last ("m3 -5h0", shorter). */
export function dotsPathData(points: [number, number][]): string {
  let [px, py] = [0, 0];
  return points
    .map(([x, y], k) => {
      const [qx, qy] = [round(x), round(y)];
      const step = k ? `m${qx - px} ${qy - py}h0` : `M${qx} ${qy}h0`;
      [px, py] = [qx, qy];
      return step;
    })
    .join('');
}

/**
 * Render option for Plot.dot (x, y and fill channels): each fill's dots as one path of round-capped
 * points of `diameter` px. With `shared` (an id unique on the page), panels that show the same dots
 * at the same places draw them once: the first panel holds them, the others a <use> of it.
 */
export const dotsAsPaths = (diameter: number, shared?: string): Plot.RenderFunction => {
  let drawn: string | null = null;
  return (index, _scales, values, dimensions, context) => {
    const group = context.document.createElementNS(SVG, 'g');
    for (const [name, value] of [
      ['fill', 'none'],
      ['stroke-width', String(diameter)],
      ['stroke-linecap', 'round'],
    ])
      group.setAttribute(name, value);
    if (shared && drawn) {
      const use = context.document.createElementNS(SVG, 'use');
      use.setAttribute('href', `#${drawn}`);
      group.appendChild(use);
      return group;
    }
    if (shared) {
      drawn = `${shared}-${dimensions.width}`;
      group.setAttribute('id', drawn);
    }
    const { x, y, fill } = values as unknown as Record<'x' | 'y', number[]> & { fill: string[] };
    return pathsByColour(
      group,
      index,
      fill,
      context,
      (path, colour) => path.setAttribute('stroke', colour),
      (items) => dotsPathData(items.map((i) => [x[i], y[i]])),
    );
  };
};
