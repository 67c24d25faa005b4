import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-ssh.js';

describe('dockerfile/no-ssh', () => {
  testRule(rule, {
    valid: [
      { name: 'ssh client only', code: 'FROM debian:12\nRUN apt-get install -y openssh-client\nEXPOSE 2222\n' },
      { name: 'in a build stage', code: 'FROM debian:12 AS b\nRUN apt-get install -y openssh-server\nEXPOSE 22\nFROM scratch\n' },
    ],
    invalid: [
      {
        name: 'EXPOSE 22/tcp',
        code: 'FROM debian:12\nEXPOSE 80 22/tcp\n',
        findings: [{ line: 2, column: 11, severity: 'medium' }],
      },
      {
        name: 'openssh-server',
        code: 'FROM alpine:3.20\nRUN apk add --no-cache openssh-server=9.7_p1-r4\n',
        findings: [{ line: 2, column: 24, message: /openssh-server/ }],
      },
      {
        name: 'points at the server in a long install list',
        code: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y \\\n    curl \\\n    openssh-server \\\n    nginx\n',
        findings: [{ line: 4, column: 5 }],
      },
      { name: 'ARG-expanded port', code: 'FROM debian:12\nARG SSH_PORT=22\nEXPOSE $SSH_PORT\n', findings: [{ line: 3 }] },
    ],
  });
});
