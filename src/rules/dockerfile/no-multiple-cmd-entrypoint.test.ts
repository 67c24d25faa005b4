import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-multiple-cmd-entrypoint.js';

describe('dockerfile/no-multiple-cmd-entrypoint', () => {
  testRule(rule, {
    valid: [
      { name: 'one each', code: 'FROM alpine:3.20\nENTRYPOINT ["app"]\nCMD ["serve"]\n' },
      { name: 'one per stage', code: 'FROM alpine:3.20 AS a\nCMD ["a"]\nFROM alpine:3.20\nCMD ["b"]\n' },
    ],
    invalid: [
      {
        name: 'two CMDs, three ENTRYPOINTs',
        code: 'FROM alpine:3.20\nCMD a\nENTRYPOINT ["x"]\nENTRYPOINT ["y"]\nCMD b\nENTRYPOINT ["z"]\n',
        findings: [
          { line: 2, message: /2 CMD instructions; this one is overridden by the CMD on line 5/ },
          { line: 3, message: /3 ENTRYPOINT/ },
          { line: 4 },
        ],
      },
    ],
  });
});
