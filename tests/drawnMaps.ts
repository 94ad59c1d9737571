import { unzlibSync } from 'fflate';

/**
 * The class a drawn map shows at a cell: its image (a palette PNG, one pixel per cell, rows top
 * down) decoded here from the PNG specification: the IDAT inflated by fflate, each row unfiltered
 * (None or Up, the two filters a map uses; any other fails), the pixel's palette index read.
 */
export function drawnClasses(svg: string): ((column: number, row: number) => number)[] {
  return [...svg.matchAll(/href="data:image\/png;base64,([^"]+)"/g)].map(([, base64]) => {
    const png = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const view = new DataView(png.buffer);
    const cells = view.getUint32(16);
    let idat = new Uint8Array(0);
    for (let at = 8; at < png.length; ) {
      const length = view.getUint32(at);
      const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
      if (type === 'IDAT') idat = png.subarray(at + 8, at + 8 + length);
      at += 12 + length;
    }
    const raw = unzlibSync(idat);
    const pixels = new Uint8Array(cells * cells);
    for (let y = 0; y < cells; y++) {
      const filter = raw[y * (cells + 1)];
      if (filter !== 0 && filter !== 2) throw new Error(`row ${y}: filter ${filter}`);
      for (let x = 0; x < cells; x++) {
        const above = filter === 2 && y > 0 ? pixels[(y - 1) * cells + x] : 0;
        pixels[y * cells + x] = (raw[y * (cells + 1) + 1 + x] + above) % 256;
      }
    }
    return (column, row) => pixels[(cells - 1 - row) * cells + column];
  });
}
