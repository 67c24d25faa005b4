import { describe } from 'vitest';
import { encryptionConfig } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './kms-v1.js';

const kms = (apiVersion: string) =>
  `      - kms:\n${apiVersion}          name: vault\n          endpoint: unix:///run/kms.sock\n          timeout: 3s`;

describe('encryption/kms-v1', () => {
  testRule(rule, {
    valid: [{ name: 'v2', code: encryptionConfig(['secrets'], kms('          apiVersion: v2\n')) }],
    invalid: [
      {
        name: 'no apiVersion means v1',
        code: encryptionConfig(['secrets'], kms('')),
        findings: [{ line: 7, message: /no apiVersion means v1.*KMSv1 feature gate/ }],
      },
      {
        name: 'explicit v1 on 1.28',
        code: encryptionConfig(['secrets'], kms('          apiVersion: v1\n')),
        settings: (s) => {
          s.kubernetesVersion = '1.28';
        },
        findings: [{ line: 8, message: /deprecated/ }],
      },
    ],
  });
});
