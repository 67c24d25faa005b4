import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-maintainer.js';

describe('dockerfile/no-maintainer', () => {
  testRule(rule, {
    valid: [{ name: 'label', code: 'FROM alpine:3.20\nLABEL maintainer="x"\n' }],
    invalid: [
      {
        name: 'MAINTAINER',
        code: 'FROM alpine:3.20\nmaintainer Jane <j@x>\n',
        findings: [{ line: 2, column: 1, severity: 'info' }],
      },
    ],
  });
});
