import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-root-user.js';

describe('docker-run/no-root-user', () => {
  testRule(rule, {
    valid: [
      { name: 'non-root', code: '#!/bin/sh\ndocker run --user=app app:1.0\n' },
      { name: 'variable', code: '#!/bin/sh\ndocker run -u "$(id -u):$(id -g)" app:1.0\n' },
      {
        name: 'throw-away build container without -u',
        code: '#!/bin/sh\ndocker run --rm -v "$PWD":/src -w /src golang:1.22 go test ./...\n',
      },
    ],
    invalid: [
      { name: '-u root', code: '#!/bin/sh\ndocker run -u root app:1.0\n', findings: [{ line: 2, column: 15, severity: 'high' }] },
      { name: 'no -u', code: '#!/bin/sh\ndocker run app:1.0\n', findings: [{ line: 2, column: 1, severity: 'low' }] },
      {
        name: 'detached --rm container without -u is a service',
        code: '#!/bin/sh\ndocker run -d --rm --name web app:1.0\n',
        findings: [{ line: 2, severity: 'low' }],
      },
      {
        name: 'explicit root in a throw-away container',
        code: '#!/bin/sh\ndocker run --rm -u 0 -v "$PWD":/src alpine:3.20 chown -R 0 /src\n',
        findings: [{ line: 2, severity: 'high' }],
      },
    ],
  });
});
