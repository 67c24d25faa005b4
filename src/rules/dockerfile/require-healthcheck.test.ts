import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-healthcheck.js';

describe('dockerfile/require-healthcheck', () => {
  testRule(rule, {
    valid: [
      { name: 'HEALTHCHECK', code: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\n' },
      { name: 'HEALTHCHECK NONE is a decision', code: 'FROM nginx:1.27\nHEALTHCHECK NONE\n' },
      { name: 'inherited from an earlier stage', code: 'FROM nginx:1.27 AS base\nHEALTHCHECK CMD true\nFROM base\n' },
      { name: 'language image whose CMD is a prompt', code: 'FROM buildpack-deps:bookworm\nRUN make install\nCMD ["python3"]\n' },
      {
        name: 'entrypoint script handing over to an interactive CMD',
        code: 'FROM alpine:3.20\nENTRYPOINT ["docker-php-entrypoint"]\nCMD ["php", "-a"]\n',
      },
      { name: 'OS base image with no command of its own', code: 'FROM debian:bookworm\nRUN apt-get update\n' },
      { name: 'shell CMD', code: 'FROM ubuntu:24.04\nCMD ["bash"]\n' },
    ],
    invalid: [
      { name: 'none', code: 'FROM nginx:1.27\nCOPY a /a\n', findings: [{ line: 1, column: 1, severity: 'low' }] },
      {
        name: 'a service started through an entrypoint script',
        code: 'FROM debian:12-slim\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["postgres"]\n',
        findings: [{ line: 1 }],
      },
      {
        name: 'a python program is a service',
        code: 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n',
        findings: [{ line: 1 }],
      },
      { name: 'an OS base with a service CMD', code: 'FROM alpine:3.20\nCMD ["/app/server"]\n', findings: [{ line: 1 }] },
      {
        name: 'only in a build stage',
        code: 'FROM nginx:1.27 AS b\nHEALTHCHECK CMD true\nFROM nginx:1.27\n',
        findings: [{ line: 3 }],
      },
    ],
  });
});
