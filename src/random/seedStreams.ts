import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { mersenne } from 'pure-rand/generator/mersenne';

/**
 * Every source of randomness in a training run has its own named stream, so each can be pinned
 * to a seed while the others vary (the variance-sources study relies on this).
 */
export const STREAM_NAMES = ['data', 'split', 'init', 'order', 'dropout'] as const;
export type StreamName = (typeof STREAM_NAMES)[number];
export type StreamPins = Partial<Record<StreamName, number>>;

/** A seeded generator: MT19937 (pure-rand) with the helpers the engine needs. */
export interface RandomStream {
  /** uint32 in [0, 2^32). */
  nextUint32(): number;
  /** float in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** Integer in [0, n). Unbiased (rejection sampling). */
  nextInt(n: number): number;
  /** Standard normal (Box-Muller, one value per call). */
  nextNormal(): number;
}

export function createStream(seed: number): RandomStream {
  const rng = mersenne(seed | 0);
  return {
    nextUint32: () => rng.next() >>> 0,
    nextFloat: () => uniformFloat64(rng),
    nextInt(n) {
      if (!(n >= 1 && n <= 2 ** 32 && Number.isInteger(n))) throw new RangeError(`nextInt: bad n ${n}`);
      const limit = 2 ** 32 - (2 ** 32 % n);
      for (;;) {
        const v = rng.next() >>> 0;
        if (v < limit) return v % n;
      }
    },
    nextNormal() {
      // 1 - u keeps log away from 0.
      const u = 1 - uniformFloat64(rng);
      const v = uniformFloat64(rng);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}

/** FNV-1a of a string: a fixed, documented salt per stream name. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's 32-bit finalizer: spreads nearby seeds (1, 2, 3...) over the whole state space. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The 32-bit MT seed of one named stream for one source seed. */
export function streamSeed(sourceSeed: number, name: string): number {
  return mix32(mix32(sourceSeed >>> 0) ^ hashName(name));
}

/** The source seed each stream uses for a run: the run seed unless the stream is pinned. */
export function streamSourceSeeds(runSeed: number, pins: StreamPins = {}): Record<StreamName, number> {
  const out = {} as Record<StreamName, number>;
  for (const name of STREAM_NAMES) out[name] = pins[name] ?? runSeed;
  return out;
}

/** One independent stream per source of randomness for a run. */
export function seedStreams(runSeed: number, pins: StreamPins = {}): Record<StreamName, RandomStream> {
  const sources = streamSourceSeeds(runSeed, pins);
  const out = {} as Record<StreamName, RandomStream>;
  for (const name of STREAM_NAMES) out[name] = createStream(streamSeed(sources[name], name));
  return out;
}

/** In-place Fisher-Yates shuffle. */
export function shuffleInPlace<T>(items: T[] | Int32Array | Uint32Array, stream: RandomStream): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = stream.nextInt(i + 1);
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
}
