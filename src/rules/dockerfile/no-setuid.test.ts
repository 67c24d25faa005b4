import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-setuid.js';

describe('dockerfile/no-setuid', () => {
  testRule(rule, {
    valid: [
      { name: 'plain modes', code: 'FROM alpine:3.20\nRUN chmod 0755 /usr/local/bin/app && chmod u+x /x\n' },
      { name: 'removing bits', code: 'FROM alpine:3.20\nRUN chmod a-s /usr/bin/passwd\n' },
    ],
    invalid: [
      {
        name: 'u+s',
        code: 'FROM alpine:3.20\nRUN chmod u+s /usr/local/bin/helper\n',
        findings: [{ line: 2, column: 5, severity: 'medium', message: /setuid/ }],
      },
      { name: '4755', code: 'FROM alpine:3.20\nRUN chmod 4755 /bin/tool\n', findings: [{ line: 2, severity: 'medium' }] },
      {
        name: 'setgid is lower',
        code: 'FROM alpine:3.20\nRUN chmod g+s /usr/bin/x\n',
        findings: [{ line: 2, severity: 'low', message: /setgid/ }],
      },
      {
        name: 'COPY --chmod=4755',
        code: 'FROM alpine:3.20\nCOPY --chmod=4755 helper /usr/bin/\n',
        findings: [{ line: 2, column: 6 }],
      },
    ],
  });
});
