import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './no-insecure-port.js';

const old = (s: { kubernetesVersion: string }) => {
  s.kubernetesVersion = '1.18';
};
const exposed = staticPod('kube-apiserver', {
  flags: flagsWith('kube-apiserver', { 'insecure-port': '8080', 'insecure-bind-address': '0.0.0.0' }),
});
const zero = staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'insecure-port': '0' }) });

describe('apiserver/no-insecure-port', () => {
  testRule(rule, {
    valid: [
      { name: 'hardened baseline on a current version', code: staticPod('kube-apiserver') },
      { name: 'port 0 before 1.20', code: zero, settings: old },
      {
        name: 'unset between 1.20 and 1.23',
        code: staticPod('kube-apiserver'),
        settings: (s) => {
          s.kubernetesVersion = '1.22';
        },
      },
    ],
    invalid: [
      {
        name: 'unset before 1.20 serves 8080 on localhost',
        code: staticPod('kube-apiserver'),
        settings: old,
        findings: [
          { line: COMMAND_LINE, message: /port 8080 on 127.0.0.1, to every process on the host \(the default before 1.20\)/ },
        ],
      },
      {
        name: 'exposed to the network',
        code: exposed,
        settings: old,
        findings: [{ line: lineOf(exposed, '--insecure-port'), message: /to the network/ }],
      },
      {
        name: 'removed flag on 1.24+',
        code: zero,
        findings: [{ line: lineOf(zero, '--insecure-port'), message: /no longer knows/ }],
      },
    ],
  });
});
