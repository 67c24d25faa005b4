import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-writable-bind-mounts.js';

describe('compose/no-writable-bind-mounts', () => {
  testRule(rule, {
    valid: [
      {
        name: 'read-only',
        code: 'services:\n  web:\n    image: app:1.0\n    volumes:\n      - ./a:/a:ro\n      - type: bind\n        source: ./b\n        target: /b\n        read_only: true\n',
      },
      {
        name: 'named volume',
        code: 'services:\n  web:\n    image: app:1.0\n    volumes:\n      - data:/data\nvolumes:\n  data: {}\n',
      },
      {
        name: 'sensitive paths are another rule',
        code: 'services:\n  web:\n    image: app:1.0\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n',
      },
      {
        name: 'host paths outside the project are graded by compose/no-sensitive-host-mounts',
        code: 'services:\n  web:\n    image: app:1.0\n    volumes:\n      - /srv/shop/uploads:/uploads\n      - ~/code/shop:/app\n',
      },
    ],
    invalid: [
      {
        name: 'relative host path',
        code: 'services:\n  web:\n    image: app:1.0\n    volumes:\n      - ./uploads:/srv/uploads:rw\n',
        findings: [{ line: 5, severity: 'low', message: /\.\/uploads writable at \/srv\/uploads/ }],
      },
      {
        name: 'a path from a variable',
        code: 'services:\n  web:\n    image: app:1.0\n    volumes:\n      - ${DATA_DIR:-./data}:/data\n',
        findings: [{ line: 5, severity: 'low' }],
      },
    ],
  });
});
