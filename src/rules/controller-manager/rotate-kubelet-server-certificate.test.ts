import { describe } from 'vitest';
import { flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './rotate-kubelet-server-certificate.js';

const off = staticPod('kube-controller-manager', {
  flags: [
    ...flagsWith('kube-controller-manager'),
    '--feature-gates=RotateKubeletServerCertificate=true',
    '--feature-gates=SomeGate=true,RotateKubeletServerCertificate=false',
  ],
});
const onAgain = staticPod('kube-controller-manager', {
  flags: [
    ...flagsWith('kube-controller-manager'),
    '--feature-gates=RotateKubeletServerCertificate=false',
    '--feature-gates=RotateKubeletServerCertificate=true',
  ],
});

describe('controller-manager/rotate-kubelet-server-certificate', () => {
  testRule(rule, {
    valid: [
      { name: 'hardened baseline', code: staticPod('kube-controller-manager') },
      { name: 'a later occurrence turns it back on', code: onAgain },
    ],
    invalid: [{ name: 'turned off by the last occurrence', code: off, findings: [{ line: lineOf(off, 'SomeGate') }] }],
  });
});
