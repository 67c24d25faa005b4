import { describe } from 'vitest';
import { encryptionConfig, SECRETBOX_FIRST, TEST_KEYS } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './identity-first.js';

const identityFirst = `      - identity: {}
      - aescbc:
          keys:
            - name: key1
              secret: ${TEST_KEYS.a}`;
const specificThenWildcard = `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers:
${SECRETBOX_FIRST}
  - resources: ['*.*']
    providers:
      - identity: {}
`;

describe('encryption/identity-first', () => {
  testRule(rule, {
    valid: [
      { name: 'secretbox first', code: encryptionConfig(['secrets'], SECRETBOX_FIRST) },
      {
        name: 'identity first for configmaps only (not sensitive by default)',
        code: encryptionConfig(['configmaps'], identityFirst),
      },
      { name: 'secrets have their own entry before an identity *.*', code: specificThenWildcard },
    ],
    invalid: [
      {
        name: 'identity first for secrets',
        code: encryptionConfig(['secrets'], identityFirst),
        findings: [
          {
            line: 7,
            column: 9,
            severity: 'critical',
            message: 'identity is the first provider for secrets: new writes are stored in etcd in plain text.',
          },
        ],
      },
      {
        name: 'through *.',
        code: encryptionConfig(["'*.'"], identityFirst),
        findings: [{ line: 7, message: /secrets \(through "\*\."\)/ }],
      },
      {
        name: 'configured sensitive resources',
        code: encryptionConfig(['configmaps'], identityFirst),
        settings: (s) => {
          s.encryption.sensitiveResources = ['secrets', 'configmaps'];
        },
        findings: [{ line: 7, message: /for configmaps:/ }],
      },
    ],
  });
});
