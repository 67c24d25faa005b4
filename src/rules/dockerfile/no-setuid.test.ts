import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-setuid.js';

describe('dockerfile/no-setuid', () => {
  testRule(rule, {
    valid: [
      {
        name: 'a build stage whose files never reach the final image',
        code: 'FROM golang:1.22 AS test\nRUN chmod 4755 /go/bin/tool && go test ./...\nFROM alpine:3.20 AS final\nCOPY app /app\n',
      },
      { name: 'plain modes', code: 'FROM alpine:3.20\nRUN chmod 0755 /usr/local/bin/app && chmod u+x /x\n' },
      { name: 'removing bits', code: 'FROM alpine:3.20\nRUN chmod a-s /usr/bin/passwd\n' },
    ],
    invalid: [
      {
        name: 'a build stage the final image copies from',
        code: 'FROM alpine:3.20 AS build\nRUN chmod 4755 /out/tool\nFROM alpine:3.20\nCOPY --from=build /out /usr/local/bin\n',
        findings: [{ line: 2 }],
      },
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
