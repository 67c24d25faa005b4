import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-unverified-download.js';

const sha = '0'.repeat(64);

describe('dockerfile/no-unverified-download', () => {
  testRule(rule, {
    valid: [
      {
        name: 'openssl sha512 compared with a pinned digest later in the RUN (nginx)',
        code: 'FROM debian:12-slim\nRUN curl -f -L -O https://github.com/nginx/pkg-oss/archive/1.2.tar.gz \\\n && SUM="abc *1.2.tar.gz" \\\n && if [ "$(openssl sha512 -r 1.2.tar.gz)" = "$SUM" ]; then echo ok; else exit 1; fi \\\n && tar xzf 1.2.tar.gz\n',
      },
      {
        name: 'openssl dgst through a pipe',
        code: 'FROM debian:12-slim\nRUN wget -O /tmp/x.pl https://example.com/x.pl && [ "$(cat /tmp/x.pl | openssl dgst -sha256 -r)" = "$X_SHA *stdin" ]\n',
      },
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
        name: 'openssl used for something other than a digest does not verify',
        code: 'FROM debian:12-slim\nRUN curl -fsSLo /tmp/t.tgz https://example.com/t.tgz && openssl version && tar -xzf /tmp/t.tgz\n',
        findings: [{ line: 2, column: 5 }],
      },
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
