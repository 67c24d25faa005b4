import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-latest-tag.js';

describe('compose/no-latest-tag', () => {
  testRule(rule, {
    valid: [
      {
        name: 'digest',
        code: 'services:\n  web:\n    image: redis@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n',
      },
      { name: 'built locally', code: 'services:\n  web:\n    image: acme/web:latest\n    build: .\n' },
      { name: 'interpolated tag', code: 'services:\n  web:\n    image: app:${TAG:-1.0}\n' },
    ],
    invalid: [
      {
        name: 'untagged',
        code: 'services:\n  web:\n    image: redis\n',
        findings: [{ line: 3, column: 5, severity: 'medium', message: /without a tag/ }],
      },
      {
        name: ':latest',
        code: 'services:\n  web:\n    image: ghcr.io/acme/api:latest\n',
        findings: [{ line: 3, message: /:latest/ }],
      },
    ],
  });
});
