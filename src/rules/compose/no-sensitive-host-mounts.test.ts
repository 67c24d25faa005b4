import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-sensitive-host-mounts.js';

describe('compose/no-sensitive-host-mounts', () => {
  testRule(rule, {
    valid: [
      {
        name: 'project files and named volumes',
        code: 'services:\n  web:\n    image: app:1.0\n    volumes:\n      - ./src:/app/src\n      - data:/var/lib/app\nvolumes:\n  data: {}\n',
      },
      {
        name: 'harmless host files',
        code: 'services:\n  web:\n    image: app:1.0\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n',
      },
    ],
    invalid: [
      {
        name: 'docker socket, even read-only',
        code: 'services:\n  web:\n    image: app:1.0\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
        findings: [
          { line: 5, column: 9, severity: 'critical', path: '/services/web/volumes/0', message: /the Docker daemon socket/ },
        ],
      },
      {
        name: 'long syntax, host root',
        code: 'services:\n  web:\n    image: app:1.0\n    volumes:\n      - type: bind\n        source: /\n        target: /host\n',
        findings: [{ line: 5, severity: 'critical', message: /the host's root filesystem/ }],
      },
      {
        name: 'read-only /etc is one step lower',
        code: 'services:\n  web:\n    image: app:1.0\n    volumes:\n      - /etc:/host/etc:ro\n      - ~/.aws:/root/.aws\n',
        findings: [
          { line: 5, severity: 'high' },
          { line: 6, severity: 'high', message: /credentials/ },
        ],
      },
    ],
  });
});
