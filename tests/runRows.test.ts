import { describe, expect, it } from 'vitest';
import { runRowsFromCsv, runsCsvHeader, runsCsvLines } from '../src/document/runRows.ts';

// The CSV is written by hand below (RFC 4180: a cell holding a comma, a quote or a line break is
// quoted, and a quote inside it doubled), then read back as the static export's check reads it.
describe('the runs table as CSV', () => {
  const rows = [
    {
      seed: 7,
      groups: { arm: 'a', label: 'Adam, "fast"\nv2' },
      testAccuracy: 0.9375,
      testLoss: 0.25,
      fingerprint: '0123abcd',
      diverged: false,
      divergedAtEpoch: null,
    },
    {
      seed: 8,
      groups: { arm: 'b', label: 'B' },
      testAccuracy: null,
      testLoss: null,
      fingerprint: null,
      diverged: true,
      divergedAtEpoch: 3,
    },
  ];

  it('writes a header and a line per run, quoting where RFC 4180 says to', () => {
    expect(runsCsvHeader(['arm', 'label'])).toBe('seed,arm,label,test_accuracy,test_loss,fingerprint,diverged,diverged_at_epoch\r\n');
    expect(runsCsvLines(rows, ['arm', 'label'])).toBe('7,a,"Adam, ""fast""\nv2",0.9375,0.25,0123abcd,false,\r\n8,b,B,,,,true,3\r\n');
  });

  it('reads it back typed by column: numbers, booleans, text (a hex fingerprint stays text), null for empty', () => {
    const text = runsCsvHeader(['arm', 'label']) + runsCsvLines(rows, ['arm', 'label']);
    expect(runRowsFromCsv(text)).toEqual([
      {
        seed: 7,
        arm: 'a',
        label: 'Adam, "fast"\nv2',
        test_accuracy: 0.9375,
        test_loss: 0.25,
        fingerprint: '0123abcd',
        diverged: false,
        diverged_at_epoch: null,
      },
      { seed: 8, arm: 'b', label: 'B', test_accuracy: null, test_loss: null, fingerprint: null, diverged: true, diverged_at_epoch: 3 },
    ]);
    expect(runRowsFromCsv('')).toEqual([]);
  });
});
