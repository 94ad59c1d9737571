// What tests/workerd/globalSetup.ts (Node) hands to the tests inside workerd.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    cliCrossRuntime: { id: string; fingerprints: string[] };
    cliLoneSeed: { id: string; fingerprints: string[] };
    nodeCrossRuntime: { runtime: string; fingerprints: string[]; testAccuracy: (number | null)[]; wasmFingerprints: string[] };
  }
}
