import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-add-remote.js';

const sha = 'a'.repeat(64);

describe('dockerfile/no-add-remote', () => {
  testRule(rule, {
    valid: [
      { name: 'checksum', code: `FROM alpine:3.20\nADD --checksum=sha256:${sha} https://example.com/a.tgz /tmp/\n` },
      { name: 'local file', code: 'FROM alpine:3.20\nADD a.tgz /tmp/\n' },
      {
        name: 'git pinned to a commit',
        code: `FROM alpine:3.20\nADD https://github.com/acme/app.git#${'0123456789'.repeat(4)} /src\n`,
      },
      { name: 'COPY is not ADD', code: 'FROM alpine:3.20\nCOPY https-config /etc/\n' },
    ],
    invalid: [
      {
        name: 'URL without checksum',
        code: 'FROM alpine:3.20\nADD https://example.com/tool.tgz /opt/\n',
        findings: [{ line: 2, column: 5, severity: 'high', message: /downloads "https:\/\/example.com\/tool.tgz"/ }],
      },
      {
        name: 'URL from an ARG, in exec form',
        code: 'FROM alpine:3.20\nARG URL=http://mirror.example/x.tar.gz\nADD ["${URL}", "/opt/"]\n',
        findings: [{ line: 3 }],
      },
      {
        name: 'git branch',
        code: 'FROM alpine:3.20\nADD git@github.com:acme/app.git#main /src\n',
        findings: [{ line: 2, message: /pin a full commit/ }],
      },
    ],
  });
});
