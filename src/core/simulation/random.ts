import { ensure } from "../errors";

// Math.imul as a module constant: the generator runs millions of times, and a global lookup per call
// is slow in sandboxed hosts such as Jest's.
const { imul } = Math;

/** A source of uniform random numbers in [0, 1), e.g. from {@link createRandom}. */
export type Random = () => number;

/**
 * The xoshiro128** generator (Blackman & Vigna 2018, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47(4)): 32-bit outputs, period 2^128 - 1, from a 4-word state that must not be
 * all zero. Cost O(1) per output.
 *
 * @returns a function giving the next output as an unsigned 32-bit integer
 * @example xoshiro128StarStar(1, 2, 3, 4)() // 11520 (rotl(2 * 5, 7) * 9)
 */
export function xoshiro128StarStar(s0: number, s1: number, s2: number, s3: number): () => number {
  let a = s0 >>> 0, b = s1 >>> 0, c = s2 >>> 0, d = s3 >>> 0;
  return () => {
    const result = imul(rotateLeft(imul(b, 5), 7), 9) >>> 0;
    const shifted = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= shifted;
    d = rotateLeft(d, 11);
    return result;
  };
}

/**
 * A seeded uniform generator on [0, 1) with 53 random bits per number (two xoshiro128** outputs).
 * The state is the seed spread over four words by a Weyl sequence (step 0x9e3779b9) through
 * MurmurHash3's 32-bit finaliser, so nearby seeds give unrelated streams. The same seed always gives
 * the same sequence, on every platform.
 *
 * @param seed - a whole number (taken modulo 2^32)
 * @throws ClvError `value` for a seed that is not a whole number
 * @example createRandom(42)() // a number in [0, 1), the same on every run
 */
export function createRandom(seed: number): Random {
  ensure(Number.isInteger(seed), `\`createRandom\` requires a seed that is a whole number; got ${seed}`);
  const words = [1, 2, 3, 4].map((k) => finalize((seed + imul(k, 0x9e3779b9)) >>> 0));
  if ((words[0] | words[1] | words[2] | words[3]) === 0) words[0] = 1; // the one state xoshiro cannot leave
  const next = xoshiro128StarStar(words[0], words[1], words[2], words[3]);
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
}

function rotateLeft(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}

/** MurmurHash3's fmix32 (Appleby 2011): an invertible 32-bit mixer. */
function finalize(h: number): number {
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
