import { unzlibSync } from 'fflate';

/**
 * The class a drawn map shows at a cell: its image (a palette PNG, one pixel per cell, rows top
 * down) read back with an independent decoder path: the IDAT inflated by fflate, the pixel's
 * palette index taken as is (filter 0 rows).
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
    return (column, row) => raw[(cells - 1 - row) * (cells + 1) + 1 + column];
  });
}
