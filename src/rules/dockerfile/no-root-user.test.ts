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
      {
        name: 'Windows Nano Server runs as ContainerUser',
        code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app.exe /app.exe\n',
      },
      {
        name: 'Windows image switched to ContainerUser',
        code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo hi\nUSER ContainerUser\n',
      },
      { name: 'a Chainguard application image', code: 'FROM cgr.dev/chainguard/static\nCOPY app /app\n' },
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
        name: 'Windows Server Core runs as ContainerAdministrator',
        code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo hi\n',
        findings: [{ line: 1, severity: 'medium', message: /ContainerAdministrator/ }],
      },
      {
        name: 'wolfi-base runs as root',
        code: 'FROM cgr.dev/chainguard/wolfi-base\nRUN apk add --no-cache falco\n',
        findings: [{ line: 1, severity: 'medium', message: /sets no USER/ }],
      },
      {
        name: 'an entrypoint that steps down with gosu (official postgres, redis) is low',
        code: 'FROM debian:12-slim\nRUN set -eux; wget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64"; chmod +x /usr/local/bin/gosu; gosu nobody true\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["postgres"]\n',
        findings: [{ line: 1, severity: 'low', message: /uses gosu, so the entrypoint presumably steps down/ }],
      },
      {
        name: 'su-exec installed from Alpine',
        code: 'FROM alpine:3.20\nRUN apk add --no-cache su-exec\nENTRYPOINT ["/entrypoint.sh"]\n',
        findings: [{ line: 1, severity: 'low', message: /uses su-exec/ }],
      },
      {
        name: 'ENTRYPOINT that starts through su-exec',
        code: 'FROM alpine:3.20\nENTRYPOINT ["su-exec", "app", "/app/server"]\n',
        findings: [{ line: 1, severity: 'low' }],
      },
      {
        name: 'gosu installed but never used to start: still root',
        code: 'FROM debian:12-slim\nRUN apt-get install -y gosu\nCMD ["/app/server"]\n',
        findings: [{ line: 1, severity: 'medium' }],
      },
      {
        name: 'scratch without USER',
        code: 'FROM golang:1.22 AS build\nUSER 1000\nFROM scratch\nCOPY --from=build /app /app\n',
        findings: [{ line: 3, message: /root for scratch/ }],
      },
    ],
  });
});
