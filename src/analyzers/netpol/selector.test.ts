import { describe, expect, it } from 'vitest';
import { parseSelector } from './selector.js';

const selector = (value: unknown) => parseSelector(value, ['spec', 'podSelector']);

describe('label selectors', () => {
  it.each([
    [{}, {}, true],
    [null, { app: 'a' }, true],
    [{ matchLabels: { app: 'web' } }, { app: 'web', tier: 'x' }, true],
    [{ matchLabels: { app: 'web' } }, { app: 'api' }, false],
    [{ matchLabels: null }, { app: 'api' }, true],
    [{ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'stage'] }] }, { env: 'stage' }, true],
    [{ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] }, {}, false],
    [{ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, {}, true],
    [{ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, { env: 'prod' }, false],
    [{ matchExpressions: [{ key: 'env', operator: 'Exists' }] }, { env: '' }, true],
    [{ matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] }, { env: 'x' }, false],
    [{ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, { app: 'web' }, false],
  ])('%j selects %j: %s', (value, labels, expected) => {
    const parsed = selector(value);
    expect(parsed.issues).toEqual([]);
    expect(parsed.selector.matches(labels)).toBe(expected);
  });

  it.each([
    [{ matchLabels: { 'app@b': 'x' } }, /selector error: key: Invalid value: "app@b"/],
    [{ matchLabels: { app: '$web' } }, /Invalid value: "\$web"/],
    [{ matchLabels: { ['a'.repeat(64)]: 'x' } }, /no more than 63 characters/],
    [{ matchLabels: { 'Example.com/app': 'x' } }, /prefix part/],
    [{ matchExpressions: [{ key: 'a', operator: 'in', values: ['x'] }] }, /"in" is not a valid label selector operator/],
    [{ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }, /values set must be empty/],
    [{ matchExpressions: [{ key: 'a', operator: 'NotIn', values: [] }] }, /values set can't be empty/],
  ])('rejects %j', (value, message) => {
    const parsed = selector(value);
    expect(parsed.issues.map((i) => i.message).join('\n')).toMatch(message);
    // An invalid selector never selects more than was written: here, nothing.
    expect(parsed.selector.matches({ a: 'x', app: 'x' })).toBe(false);
  });

  it('has a canonical key and a readable text', () => {
    const a = selector({ matchLabels: { b: '2', a: '1' } }).selector;
    const b = selector({ matchExpressions: [{ key: 'a', operator: 'In', values: ['1'] }], matchLabels: { b: '2' } }).selector;
    expect(a.key).toBe(b.key);
    expect(a.toString()).toBe('a=1,b=2');
    expect(a.equalityLabels).toEqual({ a: '1', b: '2' });
    expect(selector({ matchExpressions: [{ key: 'x', operator: 'Exists' }] }).selector.equalityLabels).toBeUndefined();
  });
});
