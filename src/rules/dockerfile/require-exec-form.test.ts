import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-exec-form.js';

describe('dockerfile/require-exec-form', () => {
  testRule(rule, {
    valid: [
      { name: 'exec form', code: 'FROM alpine:3.20\nENTRYPOINT ["/entry.sh"]\nCMD ["serve", "--port", "80"]\n' },
      { name: 'build stage only', code: 'FROM alpine:3.20 AS b\nCMD make\nFROM alpine:3.20\nCMD ["x"]\n' },
      {
        name: 'shell form that execs the program, which becomes PID 1',
        code: "FROM nginx:1.27\nCMD exec nginx -g 'daemon off;'\n",
      },
      {
        name: 'an overridden CMD of a base stage does not run',
        code: 'FROM alpine:3.20 AS base\nCMD serve\nFROM base\nCMD ["serve", "--port", "80"]\n',
      },
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
      {
        name: 'ENTRYPOINT with exec still ignores CMD',
        code: 'FROM alpine:3.20\nENTRYPOINT exec /entry.sh\n',
        findings: [{ line: 2, column: 12, message: /ignores CMD/ }],
      },
    ],
  });
});
