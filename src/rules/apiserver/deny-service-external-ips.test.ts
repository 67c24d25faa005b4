import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './deny-service-external-ips.js';

const without = staticPod('kube-apiserver', {
  flags: flagsWith('kube-apiserver', { 'enable-admission-plugins': 'NodeRestriction' }),
});
const repeated = staticPod('kube-apiserver', {
  flags: [
    ...flagsWith('kube-apiserver', { 'enable-admission-plugins': 'NodeRestriction' }),
    '--enable-admission-plugins=DenyServiceExternalIPs',
  ],
});

describe('apiserver/deny-service-external-ips', () => {
  testRule(rule, {
    valid: [
      { name: 'hardened baseline', code: staticPod('kube-apiserver') },
      { name: 'a repeated flag appends to the list', code: repeated },
    ],
    invalid: [
      { name: 'not in the list', code: without, findings: [{ line: lineOf(without, '--enable-admission-plugins') }] },
      {
        name: 'no admission flag at all',
        code: staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'enable-admission-plugins': null }) }),
        findings: [{ line: COMMAND_LINE }],
      },
    ],
  });
});
