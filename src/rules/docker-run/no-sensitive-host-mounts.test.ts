import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-sensitive-host-mounts.js';

describe('docker-run/no-sensitive-host-mounts', () => {
  testRule(rule, {
    valid: [
      { name: 'project directory', code: '#!/bin/sh\ndocker run --rm -v "$(pwd)":/src -w /src golang:1.22 go build ./...\n' },
      {
        name: 'working directory and named volume',
        code: '#!/bin/sh\ndocker run -v "$PWD/config:/config:ro" -v cache:/cache app:1.0\n',
      },
    ],
    invalid: [
      {
        name: 'docker socket',
        code: '#!/bin/sh\ndocker run -v /var/run/docker.sock:/var/run/docker.sock:ro app:1.0\n',
        findings: [{ line: 2, column: 15, severity: 'critical' }],
      },
      {
        name: '--mount of the host root',
        code: '#!/bin/sh\ndocker run --mount type=bind,source=/,target=/host app:1.0\n',
        findings: [{ line: 2, severity: 'critical' }],
      },
      {
        name: 'graded as a hostPath volume would be',
        code: '#!/bin/sh\ndocker run -v /proc/sys/kernel:/k:ro -v /srv/data:/data -v /etc/localtime:/etc/localtime:ro app:1.0\n',
        findings: [
          { line: 2, column: 15, severity: 'medium', message: /part of the host's \/proc, at \/k \(read-only\)/ },
          { line: 2, column: 41, severity: 'medium', message: /\/srv\/data, a host path, at \/data \(writable\)/ },
          { line: 2, column: 60, severity: 'info' },
        ],
      },
    ],
  });
});
