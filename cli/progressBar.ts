/** A one-line progress bar with ETA on stderr; plain lines when stderr is not a terminal. */
export function createProgressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  let lastPlain = -1;
  return {
    update(done: number, total: number, detail = '') {
      const fraction = total ? done / total : 1;
      const elapsed = (performance.now() - started) / 1000;
      const eta = fraction > 0 ? elapsed * (1 / fraction - 1) : NaN;
      const etaText = Number.isFinite(eta) ? `ETA ${eta.toFixed(1)}s` : 'ETA …';
      if (stream.isTTY) {
        const width = 24;
        const filled = Math.round(fraction * width);
        stream.write(
          `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(100 * fraction).toFixed(0).padStart(3)}% ${detail} ${etaText}   `,
        );
      } else {
        const decile = Math.floor(fraction * 10);
        if (decile !== lastPlain) {
          lastPlain = decile;
          stream.write(`${label} ${(100 * fraction).toFixed(0)}% ${detail} ${etaText}\n`);
        }
      }
    },
    finish() {
      if (stream.isTTY) stream.write('\n');
      return (performance.now() - started) / 1000;
    },
  };
}
