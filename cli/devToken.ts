import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const DEV_VARS = resolve('.dev.vars'); // git-ignored

/** The local write token npm start uses (SEEDLAB_TOKEN in .dev.vars), or null when there is none. */
export function readDevToken(): string | null {
  const text = existsSync(DEV_VARS) ? readFileSync(DEV_VARS, 'utf8') : '';
  return /^SEEDLAB_TOKEN\s*=\s*"?([^"\n]+)"?\s*$/m.exec(text)?.[1] ?? null;
}

/** Reads SEEDLAB_TOKEN from .dev.vars, creating the file with a random token when missing. */
export function ensureToken(): string {
  const found = readDevToken();
  if (found) return found;
  const text = existsSync(DEV_VARS) ? readFileSync(DEV_VARS, 'utf8') : '';
  const token = randomBytes(24).toString('base64url');
  writeFileSync(DEV_VARS, `${text}${text && !text.endsWith('\n') ? '\n' : ''}SEEDLAB_TOKEN=${token}\n`, { mode: 0o600 });
  console.log(`created .dev.vars with a new random SEEDLAB_TOKEN`);
  return token;
}
