import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './pin-package-versions.js';

describe('dockerfile/pin-package-versions', () => {
  testRule(rule, {
    valid: [
      {
        name: 'apt pinned',
        code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10 ca-certificates=20230311\n',
      },
      { name: 'apk pinned', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0 "git~=2.45"\n' },
      {
        name: 'pip requirements file and pinned',
        code: 'FROM python:3.12\nRUN pip install -r requirements.txt && pip install gunicorn==22.0.0\n',
      },
      { name: 'npm ci and install from the lockfile', code: 'FROM node:20\nRUN npm ci && npm install\n' },
      { name: 'npm scoped package pinned', code: 'FROM node:20\nRUN npm install -g @angular/cli@17.3.8\n' },
      { name: 'version from a variable', code: 'FROM debian:12\nARG V=1\nRUN apt-get install -y "nginx=${V}"\n' },
      {
        name: 'local packages',
        code: 'FROM debian:12\nRUN apt-get install -y ./pkg.deb && pip install . /wheels/app-1.0-py3-none-any.whl\n',
      },
      { name: 'go install with a version', code: 'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.16.1\n' },
      {
        name: 'apk build dependencies deleted in the same RUN never reach the image',
        code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc make && make install && apk del --no-network .build-deps\n',
      },
      {
        name: "apt build dependencies purged with the official images' apt-mark pattern",
        code: 'FROM debian:12-slim\nRUN set -eux; savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends gcc make; make install; apt-mark auto \'.*\' > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove; rm -rf /var/lib/apt/lists/*\n',
      },
    ],
    invalid: [
      {
        name: 'apt-get unpinned',
        code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl git=1:2.39\n',
        findings: [{ line: 2, column: 23, severity: 'low', message: /apt-get installs curl without a pinned version/ }],
      },
      {
        name: 'pip unpinned via python -m pip',
        code: 'FROM python:3.12\nRUN python3 -m pip install requests flask\n',
        findings: [{ line: 2, message: /pip installs requests, flask/ }],
      },
      {
        name: 'npm global',
        code: 'FROM node:20\nRUN npm install -g pnpm\n',
        findings: [{ line: 2, message: /npm installs pnpm/ }],
      },
      {
        name: 'gem, apk, yum',
        code: 'FROM ruby:3.3\nRUN gem install bundler; apk add curl; yum install -y httpd\n',
        findings: [{ line: 2 }, { line: 2 }, { line: 2 }],
      },
      {
        name: 'a virtual group that is not deleted stays in the image',
        code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .rundeps libpq && apk del .build-deps\n',
        findings: [{ line: 2, message: /libpq/ }],
      },
      {
        name: 'apt packages installed before the saved apt-mark stay',
        code: 'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends curl; savedAptMark="$(apt-mark showmanual)"; apt-mark auto \'.*\'; apt-get purge -y --auto-remove\n',
        findings: [{ line: 2, message: /curl/ }],
      },
      { name: 'go install @latest', code: 'FROM golang:1.22\nRUN go install example.com/tool@latest\n', findings: [{ line: 2 }] },
    ],
  });
});
