import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-exec-form.js';

describe('dockerfile/require-exec-form', () => {
  testRule(rule, {
    valid: [
      { name: 'exec form', code: 'FROM alpine:3.20\nENTRYPOINT ["/entry.sh"]\nCMD ["serve", "--port", "80"]\n' },
      { name: 'build stage only', code: 'FROM alpine:3.20 AS b\nCMD make\nFROM alpine:3.20\nCMD ["x"]\n' },
    ],
    invalid: [
      {
        name: 'shell forms',
        code: 'FROM alpine:3.20\nENTRYPOINT /entry.sh\nCMD serve --port 80\n',
        findings: [
          { line: 2, column: 12, severity: 'low', message: /ENTRYPOINT uses the shell form/ },
          { line: 3, message: /"serve --port 80"/ },
        ],
      },
      { name: 'invalid JSON is the shell form', code: "FROM alpine:3.20\nCMD ['app']\n", findings: [{ line: 2 }] },
    ],
  });
});
