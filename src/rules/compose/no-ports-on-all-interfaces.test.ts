import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-ports-on-all-interfaces.js';

describe('compose/no-ports-on-all-interfaces', () => {
  testRule(rule, {
    valid: [
      {
        name: 'loopback and a specific address',
        code: 'services:\n  web:\n    image: app:1.0\n    ports:\n      - "127.0.0.1:8080:80"\n      - "10.0.0.5:8443:443"\n      - "[::1]:9000:9000"\n',
      },
      {
        name: 'long syntax with host_ip',
        code: 'services:\n  web:\n    image: app:1.0\n    ports:\n      - target: 80\n        published: 8080\n        host_ip: 127.0.0.1\n',
      },
      {
        name: 'host network is another rule',
        code: 'services:\n  web:\n    image: app:1.0\n    network_mode: host\n    ports: ["80:80"]\n',
      },
    ],
    invalid: [
      {
        name: 'database on all interfaces',
        code: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n',
        findings: [{ line: 5, column: 9, severity: 'medium', message: /PostgreSQL/ }],
      },
      {
        name: 'web port, explicit 0.0.0.0, and a random host port',
        code: 'services:\n  web:\n    image: app:1.0\n    ports:\n      - "0.0.0.0:80:8080"\n      - 9000\n',
        findings: [
          { line: 5, severity: 'low' },
          { line: 6, severity: 'medium', message: /a random host port/ },
        ],
      },
      {
        name: 'ports written unquoted are strings for compose',
        code: 'services:\n  web:\n    image: app:1.0\n    ports:\n      - 80:80\n',
        findings: [{ line: 5, message: /host port 80/ }],
      },
    ],
  });
});
