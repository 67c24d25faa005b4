import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-no-install-recommends.js';

describe('dockerfile/require-no-install-recommends', () => {
  testRule(rule, {
    valid: [
      {
        name: 'a build stage that is not part of the final image',
        code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y build-essential\nFROM debian:12-slim\nCOPY --from=build /out /app\n',
      },
      { name: 'flag present', code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n' },
      {
        name: 'a simulated install (apt-get install -s) installs nothing',
        code: 'FROM debian:12\nRUN if apt-get install -s "postgresql-$PG_MAJOR-jit" > /dev/null 2>&1; then echo yes; fi\n',
      },
      { name: 'option form', code: 'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n' },
      {
        name: 'apt configuration in an earlier RUN',
        code: `FROM debian:12\nRUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99norecommends\nRUN apt-get install -y curl\n`,
      },
      { name: 'not an install', code: 'FROM debian:12\nRUN apt-get update && apt-get purge -y curl\n' },
    ],
    invalid: [
      {
        name: 'apt-get install without the flag',
        code: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y curl git\n',
        findings: [{ line: 3, column: 5, severity: 'low', message: /"apt-get install -y curl git"/ }],
      },
      { name: 'apt install via sudo', code: 'FROM ubuntu:24.04\nRUN sudo apt install -y vim\n', findings: [{ line: 2 }] },
    ],
  });
});
