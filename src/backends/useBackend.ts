import type { BackendName } from '../spec/setup.ts';
import { tf } from '../tf.ts';

export class BackendUnavailableError extends Error {
  constructor(name: string, cause?: unknown) {
    super(
      `The "${name}" backend is not available here` +
        (cause instanceof Error ? `: ${cause.message}` : '') +
        (name === 'wasm' ? '. The host must register it first (see registerWasmBackend in src/backends/wasmFromModule.ts).' : ''),
    );
    this.name = 'BackendUnavailableError';
  }
}

/** Extra facts about the active backend that fingerprints depend on (e.g. which wasm binary). */
let backendDetails: Record<string, string> = {};
export function setBackendDetails(name: string, details: Record<string, string>): void {
  backendDetails = { ...backendDetails, [name]: JSON.stringify(details) };
}
export function getBackendDetails(name: string): Record<string, string> | undefined {
  const raw = backendDetails[name];
  return raw ? JSON.parse(raw) : undefined;
}

/** Switches tfjs to the named backend, or throws BackendUnavailableError. Never hangs on a missing backend. */
export async function useBackend(name: BackendName): Promise<void> {
  if (tf.getBackend() === name) return;
  if (!tf.findBackendFactory(name)) throw new BackendUnavailableError(name);
  let ok = false;
  try {
    ok = await tf.setBackend(name);
  } catch (e) {
    throw new BackendUnavailableError(name, e);
  }
  if (!ok) throw new BackendUnavailableError(name);
  if (name === 'cpu') {
    // The cpu backend prints a "use tfjs-node" banner on first write in Node; it is noise for us.
    (tf.backend() as unknown as { firstUse: boolean }).firstUse = false;
  }
}
