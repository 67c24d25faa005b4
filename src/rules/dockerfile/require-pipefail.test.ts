import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-pipefail.js';

describe('dockerfile/require-pipefail', () => {
  testRule(rule, {
    valid: [
      { name: 'no pipe', code: 'FROM alpine:3.20\nRUN a && b || c\n' },
      { name: 'SHELL with pipefail', code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n' },
      { name: 'SHELL with combined flags', code: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN a | b\n' },
      { name: 'set -euxo pipefail first', code: 'FROM debian:12\nRUN set -euxo pipefail; a | b\n' },
      { name: 'exec form', code: 'FROM debian:12\nRUN ["sh", "-c", "a | b"]\n' },
      {
        name: 'echo into a checksum tool: echo cannot fail',
        code: 'FROM debian:12\nRUN set -eux; echo "$SHA256 *go.tgz" | sha256sum -c -; printf "%s" "$x" | base64 -d > /k\n',
      },
      {
        name: 'PowerShell',
        code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n',
      },
      {
        name: 'inherited SHELL from a base stage',
        code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN a | b\n',
      },
    ],
    invalid: [
      {
        name: 'curl | tar',
        code: 'FROM debian:12\nRUN curl -fsSL https://x | tar -xz\n',
        findings: [{ line: 2, column: 5, severity: 'low', message: /pipes curl into tar/ }],
      },
      { name: 'set -e is not pipefail', code: 'FROM debian:12\nRUN set -eux; dpkg -l | grep x\n', findings: [{ line: 2 }] },
      {
        name: 'a pipe that can fail after one that cannot',
        code: 'FROM debian:12\nRUN echo "$SUM *a" | sha256sum -c -; \\\n  curl -fsSL https://x | tar -xz\n',
        findings: [{ line: 3, column: 3, message: /pipes curl into tar/ }],
      },
      {
        name: 'pipefail set after the pipe',
        code: 'FROM debian:12\nRUN a | b; set -o pipefail; c | d\n',
        findings: [{ line: 2, message: /pipes a into b/ }],
      },
      {
        name: 'SHELL reset in the next stage',
        code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM debian:12\nRUN a | b\n',
        findings: [{ line: 4 }],
      },
    ],
  });
});
