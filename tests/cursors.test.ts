import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cursorSeal } from '../functions/studies/cursors.ts';

// Independent reference: Node's own crypto (not the Web Crypto the module uses) computes the HMAC,
// with the key derivation written out from the module's documented scheme.
const referenceKey = (secret: string) => createHash('sha256').update(`seedlab listing cursor v1\u0000${secret}`).digest();
const b64url = (bytes: Buffer) => bytes.toString('base64url');
const referenceSeal = (secret: string, kvCursor: string) =>
  `${b64url(Buffer.from(kvCursor))}.${b64url(createHmac('sha256', referenceKey(secret)).update(kvCursor).digest())}`;

describe('listing cursors', () => {
  const seal = cursorSeal('the-token');

  it('seals KV cursor with an HMAC a reference computes the same way, and opens it back', async () => {
    const kvCursor = 'AAAAAN2nXw5Lq…ü/+=';
    const sealed = await seal.seal(kvCursor);
    expect(sealed).toBe(referenceSeal('the-token', kvCursor));
    expect(await seal.open(sealed)).toBe(kvCursor);
  });

  it('refuses a cursor sealed with another secret, or none', async () => {
    for (const other of ['another-token', '']) expect(await seal.open(referenceSeal(other, 'list:0001'))).toBeNull();
  });

  it('refuses the old checksum format, which anyone could compute', async () => {
    // Before: base64url(kvCursor) + '.' + the first 12 hex digits of sha256("seedlab-cursor:" + kvCursor).
    const kvCursor = 'list:0001';
    const old = `${b64url(Buffer.from(kvCursor))}.${createHash('sha256').update(`seedlab-cursor:${kvCursor}`).digest('hex').slice(0, 12)}`;
    expect(await seal.open(old)).toBeNull();
  });

  it('refuses an altered payload or MAC, and text that is no cursor', async () => {
    const sealed = await seal.seal('list:0001');
    const [payload, mac] = sealed.split('.');
    const flip = (s: string) => s.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A'));
    for (const forged of [
      `${flip(payload)}.${mac}`,
      `${payload}.${flip(mac)}`,
      `${payload}x.${mac}`,
      `${payload}.${mac}A`,
      `${payload}.${mac.slice(1)}`,
      payload,
      '',
      'nonsense',
      '.'.repeat(44),
      `${'!'.repeat(4)}.${mac}`,
    ])
      expect(await seal.open(forged)).toBeNull();
  });

  it('refuses a payload that is not UTF-8, even with a valid MAC', async () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x41]);
    const forged = `${b64url(bytes)}.${b64url(createHmac('sha256', referenceKey('the-token')).update(bytes).digest())}`;
    expect(await seal.open(forged)).toBeNull();
  });
});
