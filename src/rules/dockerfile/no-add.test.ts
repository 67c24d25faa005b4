import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-add.js';

describe('dockerfile/no-add', () => {
  testRule(rule, {
    valid: [
      { name: 'COPY', code: 'FROM alpine:3.20\nCOPY . /app\n' },
      {
        name: 'ADD of a URL is another rule',
        code: 'FROM alpine:3.20\nADD --checksum=sha256:abc https://example.com/a.tgz /tmp/\n',
      },
      { name: 'ADD of a git repository is another rule', code: 'FROM alpine:3.20\nADD git@github.com:acme/app.git#v1 /src\n' },
      { name: 'ADD with a heredoc source', code: 'FROM alpine:3.20\nADD <<EOF /etc/motd\nhello\nEOF\n' },
    ],
    invalid: [
      {
        name: 'ADD of local files',
        code: 'FROM alpine:3.20\nADD requirements.txt app.py /app/\n',
        findings: [{ line: 2, column: 1, severity: 'low', message: /local files \(requirements.txt, app.py\)/ }],
      },
      {
        name: 'ADD of a local archive, exec form',
        code: 'FROM alpine:3.20\nADD ["rootfs.tar.xz", "/"]\n',
        findings: [{ line: 2, message: /unpacks the local archive "rootfs.tar.xz"/ }],
      },
      {
        name: 'lower-case keyword and ARG-expanded source',
        code: 'FROM alpine:3.20\nARG BUNDLE=app.tgz\nadd ${BUNDLE} /opt/\n',
        findings: [{ line: 3, message: /"app.tgz"/ }],
      },
    ],
  });
});
