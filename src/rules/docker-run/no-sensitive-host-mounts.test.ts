import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-sensitive-host-mounts.js';

describe('docker-run/no-sensitive-host-mounts', () => {
  testRule(rule, {
    valid: [
      { name: 'project directory', code: '#!/bin/sh\ndocker run --rm -v "$(pwd)":/src -w /src golang:1.22 go build ./...\n' },
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
    ],
  });
});
