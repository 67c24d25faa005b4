import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-unverified-download.js';

const sha = '0'.repeat(64);

describe('dockerfile/no-unverified-download', () => {
  testRule(rule, {
    valid: [
      {
        name: 'sha256sum -c',
        code: `FROM alpine:3.20\nRUN wget -O /tmp/a.tgz https://x/a.tgz && echo "${sha}  /tmp/a.tgz" | sha256sum -c - && tar xzf /tmp/a.tgz\n`,
      },
      {
        name: 'gpg --verify of a detached signature (docker-library style)',
        code: 'FROM debian:12\nRUN curl -fsSLo a.tgz https://x/a.tgz && curl -fsSLo a.tgz.asc https://x/a.tgz.asc && gpg --batch --verify a.tgz.asc a.tgz\n',
      },
      {
        name: 'signing key import',
        code: 'FROM debian:12\nRUN curl -fsSL https://download.docker.com/linux/debian/gpg | gpg --dearmor -o /usr/share/keyrings/docker.gpg\n',
      },
      {
        name: 'an API call, not a download',
        code: 'FROM alpine:3.20\nRUN curl -fsS -X POST https://hooks.example.com/build-started\n',
      },
      { name: 'output to stdout only', code: 'FROM alpine:3.20\nRUN curl -fsS https://api.example.com/version\n' },
    ],
    invalid: [
      {
        name: 'curl -o then extract',
        code: 'FROM debian:12-slim\nRUN curl -fsSLo /tmp/t.tgz https://example.com/t.tgz && tar -xzf /tmp/t.tgz\n',
        findings: [{ line: 2, column: 5, severity: 'medium', message: /downloads https:\/\/example.com\/t.tgz with curl/ }],
      },
      {
        name: 'wget over http into tar',
        code: 'FROM debian:12-slim\nRUN wget -qO- http://example.com/t.tgz | tar -xz\n',
        findings: [{ line: 2, severity: 'high', message: /unencrypted/ }],
      },
      {
        name: 'wget to a file, then curl redirected to a file',
        code: 'FROM debian:12-slim\nRUN wget https://x/a.deb && dpkg -i a.deb\nRUN curl -L https://x/b > /usr/local/bin/b\n',
        findings: [{ line: 2 }, { line: 3 }],
      },
    ],
  });
});
