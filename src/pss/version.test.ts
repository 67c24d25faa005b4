import { describe, expect, it } from 'vitest';
import { NEWEST_POLICY_MINOR, POLICY_VERSIONS, parsePssVersion, resolveMinor } from './version.js';

describe('policy versions', () => {
  it('knows v1.0 to v1.37', () => {
    expect(POLICY_VERSIONS[0]).toBe('v1.0');
    expect(POLICY_VERSIONS.at(-1)).toBe('v1.37');
    expect(POLICY_VERSIONS).toHaveLength(38);
    expect(NEWEST_POLICY_MINOR).toBe(37);
  });

  it.each([
    ['latest', 37, 'latest'],
    ['v1.0', 0, 'v1.0'],
    ['v1.25', 25, 'v1.25'],
    ['1.25', 25, 'v1.25'],
    [' v1.37 ', 37, 'v1.37'],
    ['v1.99', 37, 'v1.99'],
  ])('parses %j as minor %i (%s)', (text, minor, label) => {
    expect(parsePssVersion(text)).toEqual({ ok: true, minor, label });
  });

  it.each(['', 'v2.0', 'v1', 'v1.01', 'v1.x', 'LATEST', 'v1.2.3'])('rejects %j', (text) => {
    expect(parsePssVersion(text).ok).toBe(false);
  });

  it('resolves numbers and strings, and throws on an invalid version', () => {
    expect(resolveMinor(undefined)).toBe(37);
    expect(resolveMinor(50)).toBe(37);
    expect(resolveMinor('v1.8')).toBe(8);
    expect(() => resolveMinor('v3')).toThrow(RangeError);
  });
});
