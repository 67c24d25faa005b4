import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-source-builds-in-final-stage.js';

describe('dockerfile/no-source-builds-in-final-stage', () => {
  testRule(rule, {
    valid: [
      {
        name: 'in a build stage',
        code: 'FROM gcc:14 AS build\nRUN git clone x && make install\nFROM debian:12-slim\nCOPY --from=build /usr/local /usr/local\n',
      },
      { name: 'plain make (no install)', code: 'FROM debian:12\nRUN make -C docs\n' },
      { name: 'go install of local code', code: 'FROM golang:1.22\nRUN go install ./cmd/...\n' },
      { name: 'cargo install --path', code: 'FROM rust:1.80\nRUN cargo install --path .\n' },
    ],
    invalid: [
      {
        name: 'clone, configure, make install',
        code: 'FROM debian:12\nRUN git clone https://x/y && cd y && ./configure && make && make install\n',
        findings: [
          { line: 2, column: 5, severity: 'low', message: /\(git clone, \.\/configure, make install\).*the build tools stay/ },
        ],
      },
      {
        name: 'points at the first build command and notes that build dependencies are removed',
        code: 'FROM alpine:3.20\nRUN set -eux; \\\n  apk add --no-cache --virtual .build-deps gcc make; \\\n  ./configure; make install; \\\n  apk del .build-deps\n',
        findings: [{ line: 4, column: 3, message: /build dependencies are removed afterwards/ }],
      },
      {
        name: 'go install of a module',
        code: 'FROM golang:1.22\nRUN go install github.com/acme/tool@v1.2.3\n',
        findings: [{ line: 2, message: /go install/ }],
      },
      {
        name: 'final stage built on a stage that compiles',
        code: 'FROM debian:12 AS base\nRUN cargo install ripgrep\nFROM base\n',
        findings: [{ line: 2, message: /cargo install/ }],
      },
    ],
  });
});
