import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-digest-pinning.js';

const digest = `sha256:${'c'.repeat(64)}`;

describe('dockerfile/require-digest-pinning', () => {
  testRule(rule, {
    valid: [
      { name: 'tag and digest', code: `FROM python:3.12-slim@${digest}\n` },
      { name: 'scratch and stages', code: `FROM golang:1.22@${digest} AS build\nFROM build\nFROM scratch\n` },
      { name: 'digest from an ARG default', code: `ARG BASE=alpine:3.20@${digest}\nFROM $BASE\n` },
    ],
    invalid: [
      {
        name: 'tag only',
        code: 'FROM python:3.12-slim\n',
        findings: [{ line: 1, column: 6, severity: 'info', message: /"python:3.12-slim" of stage #1 is not pinned/ }],
      },
      {
        name: 'each unpinned stage',
        code: `FROM golang:1.22 AS build\nFROM gcr.io/distroless/static@${digest}\nFROM alpine:3.20 AS tools\n`,
        findings: [{ line: 1 }, { line: 3 }],
      },
    ],
  });
});
