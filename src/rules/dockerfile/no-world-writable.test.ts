import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-world-writable.js';

describe('dockerfile/no-world-writable', () => {
  testRule(rule, {
    valid: [
      {
        name: 'a build stage whose files never reach the final image',
        code: 'FROM golang:1.22 AS test\nRUN chmod 777 /go/bin/tool && go test ./...\nFROM alpine:3.20 AS final\nCOPY app /app\n',
      },
      { name: '755', code: 'FROM alpine:3.20\nRUN chmod 755 /app/run.sh\n' },
      { name: 'sticky temp directory', code: 'FROM alpine:3.20\nRUN mkdir -p /tmp/x && chmod 1777 /tmp/x\n' },
      { name: 'removing write', code: 'FROM alpine:3.20\nRUN chmod -R o-w /app\n' },
      { name: 'COPY --chmod=644', code: 'FROM alpine:3.20\nCOPY --chmod=644 a /a\n' },
      {
        name: 'a temporary directory removed in the same RUN',
        code: 'FROM alpine:3.20\nRUN t="$(mktemp -d)" && chmod 777 "$t" && build "$t" && rm -rf "$t"\n',
      },
    ],
    invalid: [
      {
        name: 'a build stage the final image copies from',
        code: 'FROM alpine:3.20 AS build\nRUN chmod 777 /out/tool\nFROM alpine:3.20\nCOPY --from=build /out /usr/local/bin\n',
        findings: [{ line: 2 }],
      },
      {
        name: 'chmod -R 777',
        code: 'FROM alpine:3.20\nRUN chmod -R 777 /data\n',
        findings: [{ line: 2, column: 5, severity: 'medium' }],
      },
      {
        name: 'a+w and 0666',
        code: 'FROM alpine:3.20\nRUN chmod a+rw /etc/app.conf && chmod 0666 /x\n',
        findings: [{ line: 2 }, { line: 2 }],
      },
      {
        name: 'COPY --chmod=777',
        code: 'FROM alpine:3.20\nCOPY --chmod=777 entry.sh /\n',
        findings: [{ line: 2, column: 6, message: /--chmod=777/ }],
      },
      {
        name: 'via find -exec is a chmod too (xargs)',
        code: 'FROM alpine:3.20\nRUN find /app -type d | xargs chmod 777\n',
        findings: [{ line: 2 }],
      },
    ],
  });
});
