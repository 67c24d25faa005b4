import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './encryption-provider-config.js';

const noFlag = staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'encryption-provider-config': null }) });
const config = `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers:
      - identity: {}
`;

describe('apiserver/encryption-provider-config', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('kube-apiserver') }],
    invalid: [
      { name: 'missing', code: noFlag, findings: [{ line: COMMAND_LINE, message: /plain text\.$/ }] },
      {
        name: 'missing while the scan has a config',
        code: `${config}---\n${noFlag}`,
        filename: 'control-plane.yaml',
        findings: [{ line: COMMAND_LINE + 7, message: /scan has an EncryptionConfiguration \(control-plane.yaml\)/ }],
      },
    ],
  });
});
