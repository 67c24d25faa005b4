import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './copy-from-unknown-stage.js';

describe('dockerfile/copy-from-unknown-stage', () => {
  testRule(rule, {
    valid: [
      { name: 'named stage, any case', code: 'FROM golang:1.22 AS Build\nFROM alpine:3.20\nCOPY --from=build /a /a\n' },
      { name: 'stage index', code: 'FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /a /a\n' },
      { name: 'explicit image', code: 'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n' },
      { name: 'variable', code: 'FROM alpine:3.20\nARG SRC=build\nCOPY --from=$SRC /a /a\n' },
    ],
    invalid: [
      {
        name: 'typo',
        code: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=bulid /a /a\n',
        findings: [{ line: 3, column: 6, severity: 'medium', message: /names no stage .*\(docker.io\/library\/bulid:latest\)/ }],
      },
      {
        name: 'own stage',
        code: 'FROM alpine:3.20 AS app\nCOPY --from=app /a /b\n',
        findings: [{ line: 2, message: /cannot copy from itself/ }],
      },
    ],
  });
});
