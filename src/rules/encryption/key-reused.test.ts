import { describe } from 'vitest';
import { encryptionConfig, TEST_KEYS } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './key-reused.js';

const two = (b: string, secondName = 'cbc') =>
  `      - aesgcm:\n          keys:\n            - name: gcm\n              secret: ${TEST_KEYS.a}\n      - aescbc:\n          keys:\n            - name: ${secondName}\n              secret: ${b}`;
const shared = `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers:
      - secretbox:
          keys:
            - name: key1
              secret: ${TEST_KEYS.a}
  - resources: [configmaps]
    providers:
      - secretbox:
          keys:
            - name: key1
              secret: ${TEST_KEYS.a}
`;

describe('encryption/key-reused', () => {
  testRule(rule, {
    valid: [
      { name: 'different keys', code: encryptionConfig(['secrets'], two(TEST_KEYS.b)) },
      { name: 'one named key shared by two entries', code: shared },
    ],
    invalid: [
      {
        name: 'same key for GCM and CBC',
        code: encryptionConfig(['secrets'], two(TEST_KEYS.a)),
        findings: [{ line: 14, message: /same material as key "gcm" \(aesgcm\)/ }],
      },
    ],
  });
});
