import { describe, expect, it } from 'vitest';
import { withEngine } from '../../functions/engineBackends.ts';
import { tf } from '../../src/index.ts';

describe('backend start inside workerd', () => {
  it('a wasm backend that never starts fails with a clear error instead of hanging', async () => {
    await withEngine('wasm', async () => undefined); // the real module registers and starts
    await withEngine('cpu', async () => undefined);
    tf.removeBackend('wasm');
    tf.registerBackend('wasm', () => new Promise(() => {}), 2); // like the stock loader in workerd: never settles
    const started = Date.now();
    await expect(withEngine('wasm', async () => 'trained', 300)).rejects.toThrow(/did not start within 300 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
    // The engine queue is not stuck behind the failed start.
    await expect(withEngine('cpu', async () => tf.getBackend())).resolves.toBe('cpu');
    // And the real wasm backend starts again on the next request.
    await expect(withEngine('wasm', async () => tf.getBackend())).resolves.toBe('wasm');
  });
});
