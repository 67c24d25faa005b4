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
        name: 'project-relative and variable paths are left to compose/no-writable-bind-mounts',
        code: 'services:\n  web:\n    image: app:1.0\n    volumes:\n      - ../shared:/shared\n      - ${DATA_DIR}/cache:/cache\n',
      },
    ],
    invalid: [
      {
        name: 'docker socket, even read-only',
        code: 'services:\n  web:\n    image: app:1.0\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
        findings: [
          {
            line: 5,
            column: 9,
            severity: 'critical',
            path: '/services/web/volumes/0',
            message:
              /mounts \/var\/run\/docker\.sock, the Docker Engine socket, at \/var\/run\/docker\.sock \(read-only; read-only does not stop use of a socket\): it gives control of the container runtime/,
          },
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
          { line: 5, severity: 'medium', message: /\/etc, the host's \/etc, at \/host\/etc \(read-only\)/ },
          { line: 6, severity: 'high', message: /AWS credentials/ },
        ],
      },
      {
        name: 'any other host path, graded as a hostPath volume',
        code: 'services:\n  web:\n    image: app:1.0\n    volumes:\n      - /srv/shop/uploads:/uploads\n      - /srv/shop/config:/config:ro\n',
        findings: [
          { line: 5, severity: 'medium', message: /a host path, at \/uploads \(writable\)/ },
          { line: 6, severity: 'low' },
        ],
      },
      {
        name: 'harmless host files read-only are info',
        code: 'services:\n  web:\n    image: app:1.0\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n',
        findings: [{ line: 5, severity: 'info', message: /the node's time zone/ }],
      },
      {
        name: 'a Windows named pipe of the Docker Engine',
        code: 'services:\n  web:\n    image: app:1.0\n    volumes:\n      - type: npipe\n        source: \\\\.\\pipe\\docker_engine\n        target: \\\\.\\pipe\\docker_engine\n',
        findings: [{ line: 5, severity: 'critical', message: /the container runtime's named pipe/ }],
      },
    ],
  });
});
