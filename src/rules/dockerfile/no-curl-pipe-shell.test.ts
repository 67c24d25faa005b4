import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-curl-pipe-shell.js';

describe('dockerfile/no-curl-pipe-shell', () => {
  testRule(rule, {
    valid: [
      { name: 'download to a file', code: 'FROM alpine:3.20\nRUN curl -fsSLo /tmp/x.sh https://x && sh /tmp/x.sh\n' },
      { name: 'download piped to tar', code: 'FROM alpine:3.20\nRUN curl -fsSL https://x/a.tgz | tar -xz -C /opt\n' },
      { name: 'download piped to a checksum', code: 'FROM alpine:3.20\nRUN curl -fsSL https://x | sha256sum\n' },
      { name: 'sh -c without a download', code: 'FROM alpine:3.20\nRUN sh -c "$(cat /tmp/script)"\n' },
    ],
    invalid: [
      {
        name: 'curl | sh',
        code: 'FROM alpine:3.20\nRUN apk add --no-cache curl && curl -fsSL https://get.example.com | sh -s -- -y\n',
        findings: [{ line: 2, column: 32, severity: 'high', message: /pipes a download \(curl\) straight into sh/ }],
      },
      {
        name: 'wget -O- | sudo -E bash over several lines',
        code: 'FROM ubuntu:24.04\nRUN wget -qO- https://deb.example.com/setup \\\n    | sudo -E bash -\n',
        findings: [{ line: 2, message: /\(wget\) straight into bash/ }],
      },
      {
        name: 'curl | python3 in a pipeline with a filter between',
        code: 'FROM python:3.12-slim\nRUN curl -sSL https://install.example.org | tee /tmp/log | python3 -\n',
        findings: [{ line: 2, message: /into python3/ }],
      },
      {
        name: 'sh -c "$(curl ...)"',
        code: 'FROM alpine:3.20\nRUN sh -c "$(curl -fsSL https://raw.example.com/install.sh)"\n',
        findings: [{ line: 2, message: /runs the output of a download \(curl\) with sh/ }],
      },
      {
        name: 'bash <(curl ...)',
        code: 'FROM debian:12\nRUN bash <(curl -s https://x/i.sh)\n',
        findings: [{ line: 2 }],
      },
    ],
  });
});
