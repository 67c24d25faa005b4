import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-cd.js';

describe('dockerfile/no-cd', () => {
  testRule(rule, {
    valid: [
      { name: 'WORKDIR', code: 'FROM alpine:3.20\nWORKDIR /src\nRUN make\n' },
      { name: 'cd in a subshell', code: 'FROM alpine:3.20\nRUN (cd /tmp && tar xf a.tar) && rm a.tar\n' },
      { name: 'cd as an argument', code: 'FROM alpine:3.20\nRUN echo cd /x\n' },
      {
        name: 'cd into a source tree the same RUN deletes (official images)',
        code: 'FROM debian:12-slim\nRUN set -eux; mkdir -p /usr/src/python; cd /usr/src/python; ./configure; make install; cd /; rm -rf /usr/src/python\n',
      },
      {
        name: 'cd into a directory whose parent the same RUN deletes',
        code: 'FROM alpine:3.20\nRUN mkdir -p /build/x && cd /build/x && make && rm -rf /build\n',
      },
      {
        name: 'cd into a temporary directory',
        code: 'FROM alpine:3.20\nRUN tempDir="$(mktemp -d)" && cd "$tempDir" && make; cd /tmp/work && make\n',
      },
      {
        name: 'a relative cd inside a temporary directory',
        code: 'FROM alpine:3.20\nRUN tempDir="$(mktemp -d)" && cd "$tempDir" && tar xzf /x.tgz && cd pkg-1.2 && make\n',
      },
    ],
    invalid: [
      {
        name: 'cd && make',
        code: 'FROM alpine:3.20\nRUN cd /src && make\n',
        findings: [{ line: 2, column: 5, severity: 'low', message: /"cd \/src"/ }],
      },
      {
        name: 'cd into a directory that is only partly cleaned up',
        code: 'FROM alpine:3.20\nRUN cd /usr/src/app && make && rm -rf /usr/src/app/build\n',
        findings: [{ line: 2, message: /"cd \/usr\/src\/app"/ }],
      },
      {
        name: 'a lasting cd after a scratch one',
        code: 'FROM alpine:3.20\nRUN cd /tmp && tar xf a.tar && cd /app && make\n',
        findings: [{ line: 2, column: 32, message: /"cd \/app"/ }],
      },
      {
        name: 'one finding per RUN',
        code: 'FROM alpine:3.20\nRUN cd /a && x && cd /b && y\nRUN cd /c\n',
        findings: [{ line: 2 }, { line: 3 }],
      },
    ],
  });
});
