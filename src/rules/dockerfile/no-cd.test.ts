import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-cd.js';

describe('dockerfile/no-cd', () => {
  testRule(rule, {
    valid: [
      { name: 'WORKDIR', code: 'FROM alpine:3.20\nWORKDIR /src\nRUN make\n' },
      { name: 'cd in a subshell', code: 'FROM alpine:3.20\nRUN (cd /tmp && tar xf a.tar) && rm a.tar\n' },
      { name: 'cd as an argument', code: 'FROM alpine:3.20\nRUN echo cd /x\n' },
    ],
    invalid: [
      {
        name: 'cd && make',
        code: 'FROM alpine:3.20\nRUN cd /src && make\n',
        findings: [{ line: 2, column: 5, severity: 'low', message: /"cd \/src"/ }],
      },
      {
        name: 'one finding per RUN',
        code: 'FROM alpine:3.20\nRUN cd /a && x && cd /b && y\nRUN cd /c\n',
        findings: [{ line: 2 }, { line: 3 }],
      },
    ],
  });
});
