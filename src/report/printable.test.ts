import { describe, expect, it } from 'vitest';
import { printable } from './printable.js';

describe('printable', () => {
  it('leaves ordinary text, including non-ASCII, alone', () => {
    expect(printable('Container "web" – naïve 😀')).toBe('Container "web" – naïve 😀');
  });

  it('shows control characters as escapes, so they cannot reach a terminal raw', () => {
    expect(printable('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
    expect(printable('\u001b[31mred\u001b[0m')).toBe('\\u001B[31mred\\u001B[0m');
    expect(printable('x\u0000y\u007fz\u0085w\u2028v')).toBe('x\\u0000y\\u007Fz\\u0085w\\u2028v');
  });

  it('is stable when called repeatedly (no regex state carried over)', () => {
    expect(printable('a\nb')).toBe('a\\nb');
    expect(printable('a\nb')).toBe('a\\nb');
    expect(printable('plain')).toBe('plain');
  });
});
