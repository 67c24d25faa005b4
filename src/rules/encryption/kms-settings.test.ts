import { describe } from 'vitest';
import { encryptionConfig } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './kms-settings.js';

describe('encryption/kms-settings', () => {
  testRule(rule, {
    valid: [
      {
        name: 'timeout set',
        code: encryptionConfig(
          ['secrets'],
          '      - kms:\n          apiVersion: v2\n          name: vault\n          endpoint: unix:///run/kms.sock\n          timeout: 2s',
        ),
      },
    ],
    invalid: [
      {
        name: 'no timeout',
        code: encryptionConfig(
          ['secrets'],
          '      - kms:\n          apiVersion: v2\n          name: vault\n          endpoint: unix:///run/kms.sock',
        ),
        findings: [{ line: 7, message: /3s \(the default\)/ }],
      },
    ],
  });
});
