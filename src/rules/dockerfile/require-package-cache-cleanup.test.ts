import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-package-cache-cleanup.js';

describe('dockerfile/require-package-cache-cleanup', () => {
  testRule(rule, {
    valid: [
      {
        name: 'apt lists removed',
        code: 'FROM debian:12\nRUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*\n',
      },
      { name: 'yum clean all', code: 'FROM rockylinux:9\nRUN yum install -y httpd && yum clean all\n' },
      {
        name: 'apt-get dist-clean removes the lists (Debian trixie and later)',
        code: 'FROM debian:13\nRUN set -eux; apt-get update; apt-get install -y --no-install-recommends curl; apt-get dist-clean\n',
      },
      {
        name: 'dnf clean all and zypper clean',
        code: 'FROM fedora:40\nRUN dnf install -y x && dnf clean all\nRUN zypper -n install y && zypper clean -a\n',
      },
      {
        name: 'cache mount',
        code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y x\n',
      },
      {
        name: 'build stage only',
        code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM scratch\nCOPY --from=build /out /\n',
      },
    ],
    invalid: [
      {
        name: 'apt-get clean keeps the lists',
        code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && apt-get clean\n',
        findings: [{ line: 2 }],
      },
      {
        name: 'apt-get install without cleanup',
        code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
        findings: [{ line: 2, column: 23, severity: 'low', message: /rm -rf \/var\/lib\/apt\/lists/ }],
      },
      {
        name: 'cleanup in a later RUN does not count',
        code: 'FROM rockylinux:9\nRUN yum install -y httpd\nRUN yum clean all\n',
        findings: [{ line: 2, message: /yum clean all/ }],
      },
      {
        name: 'two installs in one RUN: one finding',
        code: 'FROM debian:12\nRUN apt-get install -y a && apt-get install -y b\n',
        findings: [{ line: 2 }],
      },
    ],
  });
});
