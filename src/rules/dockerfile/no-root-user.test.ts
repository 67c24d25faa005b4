import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-root-user.js';

describe('dockerfile/no-root-user', () => {
  testRule(rule, {
    valid: [
      { name: 'non-root user', code: 'FROM alpine:3.20\nRUN adduser -D app\nUSER app\n' },
      { name: 'numeric user and group', code: 'FROM alpine:3.20\nUSER 10001:10001\n' },
      { name: 'root only in a build stage', code: 'FROM golang:1.22 AS build\nUSER root\nFROM alpine:3.20\nUSER 65532\n' },
      { name: 'inherited from an earlier stage', code: 'FROM alpine:3.20 AS base\nUSER app\nFROM base\nCMD ["app"]\n' },
      { name: 'a distroless nonroot base', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n' },
      { name: 'user from a build argument without a default (unknown)', code: 'FROM alpine:3.20\nARG UID\nUSER ${UID}\n' },
      { name: 'Windows image', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo hi\n' },
    ],
    invalid: [
      {
        name: 'no USER',
        code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
        findings: [{ line: 1, column: 1, severity: 'medium', message: /sets no USER/ }],
      },
      {
        name: 'USER root',
        code: 'FROM alpine:3.20\nUSER root\n',
        findings: [{ line: 2, column: 6, severity: 'high', message: /runs as "root"/ }],
      },
      {
        name: 'switched back to root',
        code: 'FROM node:20-slim\nUSER node\nRUN npm ci\nUSER 0:0\nCMD ["node", "x.js"]\n',
        findings: [{ line: 4, severity: 'high', message: /switches back to "0:0"/ }],
      },
      {
        name: 'root through an ARG default',
        code: 'FROM alpine:3.20\nARG RUN_AS=root\nUSER $RUN_AS\n',
        findings: [{ line: 3, message: /"root"/ }],
      },
      {
        name: 'scratch without USER',
        code: 'FROM golang:1.22 AS build\nUSER 1000\nFROM scratch\nCOPY --from=build /app /app\n',
        findings: [{ line: 3, message: /root for scratch/ }],
      },
    ],
  });
});
