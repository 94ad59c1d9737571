import { getBackendDetails } from '../backends/useBackend.ts';
import { tf } from '../tf.ts';
import { ENGINE_VERSION } from '../version.ts';

type Runtime = 'node' | 'workerd' | 'browser' | 'unknown';

export interface Environment {
  tfjs: string;
  backend: string;
  /** Which wasm binary ran (simd or plain), when the backend is wasm. */
  wasmBinary?: string;
  runtime: Runtime;
  engine: string;
}

/** Feature detection only: the engine uses no runtime-specific API. */
function detectRuntime(): Runtime {
  const g = globalThis as { navigator?: { userAgent?: string }; process?: { versions?: { node?: string } }; document?: unknown };
  if (g.navigator?.userAgent === 'Cloudflare-Workers') return 'workerd';
  if (g.document !== undefined) return 'browser';
  if (g.process?.versions?.node) return 'node';
  return 'unknown';
}

/** What a fingerprint depends on besides the spec: recorded next to every run. */
export function describeEnvironment(): Environment {
  const backend = tf.getBackend();
  const details = getBackendDetails(backend);
  return { ...environmentOf(backend), ...(details?.binary ? { wasmBinary: details.binary } : {}) };
}

/** The environment of a named backend in this runtime, without asking tfjs which one is active. */
export function environmentOf(backend: string): Environment {
  return { tfjs: tf.version_core, backend, runtime: detectRuntime(), engine: ENGINE_VERSION };
}
