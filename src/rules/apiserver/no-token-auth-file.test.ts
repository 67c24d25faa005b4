import { describe } from 'vitest';
import { flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './no-token-auth-file.js';

const tokens = staticPod('kube-apiserver', {
  flags: flagsWith('kube-apiserver', { 'token-auth-file': '/etc/kubernetes/tokens.csv' }),
});
const both = staticPod('kube-apiserver', {
  flags: flagsWith('kube-apiserver', { 'basic-auth-file': '/srv/passwords.csv', 'token-auth-file': '/srv/tokens.csv' }),
});

describe('apiserver/no-token-auth-file', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-apiserver') }],
    invalid: [
      {
        name: 'token file',
        code: tokens,
        findings: [
          { line: lineOf(tokens, '--token-auth-file'), message: /static bearer tokens from \/etc\/kubernetes\/tokens.csv/ },
        ],
      },
      {
        name: 'token and password files',
        code: both,
        findings: [
          { line: lineOf(both, '--basic-auth-file'), message: /passwords/ },
          { line: lineOf(both, '--token-auth-file'), message: /bearer tokens/ },
        ],
      },
    ],
  });
});
