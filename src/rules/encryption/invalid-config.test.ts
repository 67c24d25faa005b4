import { describe } from 'vitest';
import { encryptionConfig, SECRETBOX_FIRST, TEST_KEYS } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './invalid-config.js';

const masked = `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: ['*.*']
    providers:
      - identity: {}
  - resources: [secrets]
    providers:
      - identity: {}
`;

describe('encryption/invalid-config', () => {
  testRule(rule, {
    valid: [
      { name: 'secretbox then identity', code: encryptionConfig(['secrets'], SECRETBOX_FIRST) },
      {
        name: 'specific resource before a wildcard',
        code: encryptionConfig(['secrets'], SECRETBOX_FIRST).replace(
          'kind: EncryptionConfiguration',
          'kind: EncryptionConfiguration',
        ),
      },
      {
        name: 'KMS v2 with every field',
        code: encryptionConfig(
          ['secrets'],
          '      - kms:\n          apiVersion: v2\n          name: vault\n          endpoint: unix:///run/kms.sock\n          timeout: 3s',
        ),
      },
    ],
    invalid: [
      {
        name: 'typo in a field name',
        code: encryptionConfig(['secrets'], '      - secretbox:\n          key:\n            - name: key1'),
        findings: [
          { line: 7, message: /has no keys/ },
          { line: 8, message: /unknown field "key"/ },
        ],
      },
      {
        name: 'resource masked by an earlier *.*',
        code: masked,
        findings: [{ line: 7, message: /masked by the earlier entry "\*\.\*"/ }],
      },
      {
        name: 'capital letters',
        code: encryptionConfig(['Secrets'], SECRETBOX_FIRST),
        findings: [{ line: 5, message: /capital letters/ }],
      },
      {
        name: 'a bare star',
        code: encryptionConfig(["'*'"], SECRETBOX_FIRST),
        findings: [{ line: 5, message: /"\*\." for every core resource/ }],
      },
      {
        name: 'overlap in one list',
        code: encryptionConfig(['secrets', "'*.'"], SECRETBOX_FIRST),
        findings: [{ line: 4, message: /overlap/ }],
      },
      {
        name: 'two providers in one element',
        code: encryptionConfig(
          ['secrets'],
          `      - identity: {}\n        secretbox:\n          keys:\n            - name: k\n              secret: ${TEST_KEYS.a}`,
        ),
        findings: [{ line: 7, message: /names several providers/ }],
      },
      {
        name: 'KMS over TCP',
        code: encryptionConfig(
          ['secrets'],
          '      - kms:\n          apiVersion: v2\n          name: vault\n          endpoint: tcp://10.0.0.1:8000\n          timeout: 3s',
        ),
        findings: [{ line: 10, message: /not a unix:\/\/ socket/ }],
      },
      {
        name: 'KMS v2 name with a colon and a cache size',
        code: encryptionConfig(
          ['secrets'],
          '      - kms:\n          apiVersion: v2\n          name: "a:b"\n          endpoint: unix:///run/kms.sock\n          cachesize: 100\n          timeout: 3s',
        ),
        findings: [
          { line: 9, message: /must not contain ":"/ },
          { line: 11, message: /cachesize is not supported/ },
        ],
      },
      {
        name: 'events.k8s.io',
        code: encryptionConfig(['events.events.k8s.io'], SECRETBOX_FIRST),
        findings: [{ line: 5, message: /write "events"/ }],
      },
      {
        name: 'legacy kind',
        code: encryptionConfig(['secrets'], SECRETBOX_FIRST).replace(
          'apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration',
          'apiVersion: v1\nkind: EncryptionConfig',
        ),
        findings: [{ line: 2, message: /1.7 to 1.13/ }],
      },
    ],
  });
});
