import { describe } from 'vitest';
import { encryptionConfig, SECRETBOX_FIRST } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './local-key-material.js';

describe('encryption/local-key-material', () => {
  testRule(rule, {
    valid: [
      {
        name: 'KMS v2',
        code: encryptionConfig(
          ['secrets'],
          '      - kms:\n          apiVersion: v2\n          name: vault\n          endpoint: unix:///run/kms.sock\n          timeout: 2s',
        ),
      },
    ],
    invalid: [
      {
        name: 'secretbox keys in the file',
        code: encryptionConfig(['secrets'], SECRETBOX_FIRST),
        findings: [{ line: 7, severity: 'info' }],
      },
    ],
  });
});
