import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-resource-limits.js';

describe('docker-run/require-resource-limits', () => {
  testRule(rule, {
    valid: [
      { name: 'short memory flag', code: '#!/bin/sh\ndocker run -m 1g --cpus=2 --pids-limit=100 app:1.0\n' },
      { name: 'throw-away test container', code: '#!/bin/sh\ndocker run --rm -v $PWD:/src -w /src node:20 npm test\n' },
      { name: 'interactive throw-away shell', code: '#!/bin/sh\ndocker run --rm -it alpine:3.20 sh\n' },
    ],
    invalid: [
      {
        name: 'none',
        code: '#!/bin/sh\ndocker run -d app:1.0\n',
        findings: [{ line: 2, column: 1, severity: 'low', message: /no --memory, --cpus, --pids-limit limit/ }],
      },
      {
        name: 'a --rm container started in the background',
        code: '#!/bin/sh\ndocker run -dit --rm app:1.0\n',
        findings: [{ line: 2 }],
      },
      { name: 'docker create is not throw-away', code: '#!/bin/sh\ndocker create --rm app:1.0\n', findings: [{ line: 2 }] },
    ],
  });
});
