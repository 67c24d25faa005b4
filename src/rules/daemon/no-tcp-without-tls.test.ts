import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-tcp-without-tls.js';

describe('daemon/no-tcp-without-tls', () => {
  testRule(rule, {
    valid: [
      { name: 'unix socket and fd', code: '{ "hosts": ["unix:///var/run/docker.sock", "fd://"] }\n' },
      {
        name: 'tlsverify',
        code: '{ "hosts": ["tcp://0.0.0.0:2376"], "tlsverify": true, "tlscacert": "/etc/docker/ca.pem", "tlscert": "/etc/docker/cert.pem", "tlskey": "/etc/docker/key.pem" }\n',
      },
      { name: 'unit with tlsverify in daemon.json is checked in another test', code: '{ "icc": false }\n' },
    ],
    invalid: [
      {
        name: 'daemon.json, all interfaces',
        code: '{\n  "hosts": ["tcp://0.0.0.0:2375"]\n}\n',
        findings: [{ line: 2, column: 3, severity: 'critical', path: '/hosts' }],
      },
      {
        name: 'tls without verify on loopback',
        code: '{ "hosts": ["tcp://127.0.0.1:2376"], "tls": true }\n',
        findings: [{ line: 1, severity: 'high', message: /with TLS but without client verification/ }],
      },
      {
        name: 'systemd unit',
        code: '[Service]\nExecStart=/usr/bin/dockerd -H fd:// -H tcp://0.0.0.0:2375\n',
        filename: 'docker.service',
        findings: [{ line: 2, column: 40, severity: 'critical' }],
      },
    ],
  });
});
