import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-absolute-workdir.js';

describe('dockerfile/require-absolute-workdir', () => {
  testRule(rule, {
    valid: [
      { name: 'absolute', code: 'FROM alpine:3.20\nWORKDIR /app\n' },
      { name: 'variable expanding to an absolute path', code: 'FROM alpine:3.20\nENV APP_HOME=/srv/app\nWORKDIR $APP_HOME\n' },
      { name: 'unknown variable', code: 'FROM alpine:3.20\nARG DIR\nWORKDIR ${DIR}\n' },
      { name: 'Windows path', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n' },
    ],
    invalid: [
      {
        name: 'relative',
        code: 'FROM alpine:3.20\nWORKDIR app\n',
        findings: [{ line: 2, column: 9, severity: 'low', message: /"app" is relative/ }],
      },
      {
        name: 'relative through a variable',
        code: 'FROM alpine:3.20\nENV D=src\nWORKDIR ${D}/x\n',
        findings: [{ line: 3, message: /"src\/x"/ }],
      },
    ],
  });
});
