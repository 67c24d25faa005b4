import { describe } from 'vitest';
import { encryptionConfig, SECRETBOX_FIRST } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './sensitive-not-covered.js';

describe('encryption/sensitive-not-covered', () => {
  testRule(rule, {
    valid: [
      { name: 'secrets', code: encryptionConfig(['secrets'], SECRETBOX_FIRST) },
      { name: 'secrets with a trailing dot (core group)', code: encryptionConfig(['secrets.'], SECRETBOX_FIRST) },
      { name: 'every core resource', code: encryptionConfig(["'*.'"], SECRETBOX_FIRST) },
      { name: 'every resource', code: encryptionConfig(["'*.*'"], SECRETBOX_FIRST) },
    ],
    invalid: [
      {
        name: 'only configmaps',
        code: encryptionConfig(['configmaps'], SECRETBOX_FIRST),
        findings: [{ line: 3, message: /No entry covers secrets/ }],
      },
      {
        name: 'singular name',
        code: encryptionConfig(['secret'], SECRETBOX_FIRST),
        findings: [{ line: 5, message: /"secret" does not match it/ }],
      },
      { name: 'group wildcard of another group', code: encryptionConfig(["'*.apps'"], SECRETBOX_FIRST), findings: [{ line: 3 }] },
      {
        name: 'a configured custom resource',
        code: encryptionConfig(['secrets'], SECRETBOX_FIRST),
        settings: (s) => {
          s.encryption.sensitiveResources = ['secrets', 'tokens.auth.example.com'];
        },
        findings: [{ line: 3, message: /tokens.auth.example.com/ }],
      },
    ],
  });
});
