import { describe, expect, it } from 'vitest';
import { encryptionConfig, SECRETBOX_FIRST, TEST_KEYS } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './aescbc.js';

const cbc = `      - aescbc:\n          keys:\n            - name: key1\n              secret: ${TEST_KEYS.a}`;

describe('encryption/aescbc', () => {
  testRule(rule, {
    valid: [{ name: 'aescbc kept second', code: encryptionConfig(['secrets'], `${SECRETBOX_FIRST}\n${cbc}`) }],
    invalid: [{ name: 'aescbc first', code: encryptionConfig(['secrets'], cbc), findings: [{ line: 7, severity: 'low' }] }],
  });

  it('does not cite CIS 1.2.28, which it does not implement (CIS 1.2.28 accepts aescbc as the first provider)', () => {
    expect(rule.meta.references.filter((r) => r.startsWith('CIS'))).toEqual([]);
  });
});
