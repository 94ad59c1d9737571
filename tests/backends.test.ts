import { afterAll, describe, expect, it } from 'vitest';
import { BackendUnavailableError, tf, useBackend } from '../src/index.ts';

describe('backend selection', () => {
  afterAll(() => {
    tf.removeBackend('wasm');
  });

  it('an unregistered backend is a clear error, not a hang', async () => {
    if (tf.findBackendFactory('wasm')) tf.removeBackend('wasm');
    await expect(useBackend('wasm')).rejects.toThrow(BackendUnavailableError);
    await expect(useBackend('wasm')).rejects.toThrow(/must register it first/);
  });

  it('a backend whose start fails is reported, and cpu still works afterwards', async () => {
    tf.registerBackend('wasm', async () => {
      throw new Error('Wasm code generation disallowed by embedder');
    });
    await expect(useBackend('wasm')).rejects.toThrow(/"wasm" backend is not available/);
    await useBackend('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });
});
