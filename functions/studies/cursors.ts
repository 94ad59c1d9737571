/**
 * Listing cursors only this Worker gave. A cursor is KV's own continuation wrapped with an HMAC
 * (SHA-256) keyed by a secret the Worker already has, so a forged or altered cursor is refused (a
 * 400 from the API, a 404 page) instead of quietly paging from wherever it points. A checksum without
 * a secret would not do: anyone can compute it.
 */

/** Seals KV's cursor into one of ours, and opens ours back (null when this Worker did not seal it). */
export interface CursorSeal {
  seal(kvCursor: string): Promise<string>;
  open(cursor: string): Promise<string | null>;
}

// Domain separation: the key signs cursors only, never anything the token itself authorises.
const KEY_CONTEXT = 'seedlab listing cursor v1\u0000';
const encoder = new TextEncoder();

const toBase64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The HMAC key for one secret, derived once per isolate (the secret is fixed for its lifetime). */
const keys = new Map<string, Promise<CryptoKey>>();
function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    // Derived by hashing (not the secret itself) so an empty secret still gives a valid HMAC key.
    key = crypto.subtle
      .digest('SHA-256', encoder.encode(KEY_CONTEXT + secret))
      .then((raw) => crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']));
    keys.set(secret, key);
  }
  return key;
}

/**
 * Cursors keyed by `secret` (the Worker's SEEDLAB_TOKEN). Without a token the key is public, which
 * matches what such a Worker is: read-only, with no secret to keep.
 */
export function cursorSeal(secret: string | undefined): CursorSeal {
  const key = hmacKey(secret ?? '');
  return {
    async seal(kvCursor) {
      const payload = encoder.encode(kvCursor);
      const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await key, payload));
      return `${toBase64Url(payload)}.${toBase64Url(mac)}`;
    },
    async open(cursor) {
      const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(cursor);
      const payload = match && fromBase64Url(match[1]);
      const mac = match && fromBase64Url(match[2]);
      if (!payload || !mac) return null;
      // subtle.verify compares in constant time.
      if (!(await crypto.subtle.verify('HMAC', await key, mac, payload))) return null;
      try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(payload);
      } catch {
        return null;
      }
    },
  };
}
