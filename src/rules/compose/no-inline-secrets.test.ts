import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-inline-secrets.js';

describe('compose/no-inline-secrets', () => {
  testRule(rule, {
    valid: [
      {
        name: 'interpolated',
        code: 'services:\n  web:\n    image: app:1.0\n    environment:\n      - API_TOKEN=${API_TOKEN}\n      - DB_PASSWORD=${DB_PASSWORD:?set it}\n',
      },
      {
        name: 'from the host environment',
        code: 'services:\n  web:\n    image: app:1.0\n    environment:\n      - GITHUB_TOKEN\n',
      },
      { name: 'placeholder', code: 'services:\n  web:\n    image: app:1.0\n    environment:\n      PASSWORD: changeme\n' },
    ],
    invalid: [
      {
        name: 'map form',
        code: 'services:\n  web:\n    image: app:1.0\n    environment:\n      DB_PASSWORD: hunter2hunter2\n',
        findings: [
          {
            line: 5,
            column: 7,
            severity: 'high',
            path: '/services/web/environment/DB_PASSWORD',
            message: /\[redacted: 14 characters\]/,
          },
        ],
      },
      {
        name: 'list form with a token format',
        code: 'services:\n  web:\n    image: app:1.0\n    environment:\n      - SLACK=xoxb-1234567890-abcdefghij\n',
        findings: [{ line: 5, severity: 'critical', message: /Slack token/ }],
      },
    ],
  });
});
