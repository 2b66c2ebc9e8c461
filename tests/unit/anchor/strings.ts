// Generators shared by the anchoring property tests.
import fc from 'fast-check';

/** Strings of `min` to `max` characters drawn from `chars`: a small alphabet makes near-matches common. */
export const alphabet = (chars: string, min: number, max: number) =>
  fc.array(fc.constantFrom(...chars.split('')), { minLength: min, maxLength: max }).map((a) => a.join(''));
