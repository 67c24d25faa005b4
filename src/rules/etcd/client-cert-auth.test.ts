import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './client-cert-auth.js';

const off = staticPod('etcd', { flags: flagsWith('etcd', { 'client-cert-auth': 'false' }) });
const byEnv = staticPod('etcd', {
  flags: flagsWith('etcd', { 'client-cert-auth': null }),
  containerExtra: '      env:\n        - name: ETCD_CLIENT_CERT_AUTH\n          value: "true"',
});
const envOff = staticPod('etcd', {
  flags: flagsWith('etcd', { 'client-cert-auth': null }),
  containerExtra: '      env:\n        - name: ETCD_CLIENT_CERT_AUTH\n          value: "false"',
});

const configFile = `listen-client-urls: https://127.0.0.1:2379
client-transport-security:
  cert-file: /etc/etcd/pki/server.crt
  key-file: /etc/etcd/pki/server.key
  client-cert-auth: false
`;

describe('etcd/client-cert-auth', () => {
  testRule(rule, {
    valid: [
      { name: 'hardened baseline', code: staticPod('etcd') },
      { name: 'set through the environment', code: byEnv },
      {
        name: "on in etcd's config file",
        code: configFile.replace('client-cert-auth: false', 'client-cert-auth: true'),
        filename: 'etcd.conf.yml',
      },
    ],
    invalid: [
      { name: 'off', code: off, findings: [{ line: lineOf(off, '--client-cert-auth=false'), severity: 'critical' }] },
      {
        name: 'default off',
        code: staticPod('etcd', { flags: flagsWith('etcd', { 'client-cert-auth': null }) }),
        findings: [{ line: COMMAND_LINE, message: /defaults to false/ }],
      },
      {
        name: 'off through the environment, reported at the variable',
        code: envOff,
        findings: [{ line: lineOf(envOff, 'value: "false"'), message: /ETCD_CLIENT_CERT_AUTH|is false/ }],
      },
      {
        name: "off in etcd's config file, at the key",
        code: configFile,
        filename: 'etcd.conf.yml',
        findings: [{ line: 5, column: 3, message: /client-transport-security\.client-cert-auth is false/ }],
      },
    ],
  });
});
