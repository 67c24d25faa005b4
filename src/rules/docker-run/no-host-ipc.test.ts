import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-host-ipc.js';

describe('docker-run/no-host-ipc', () => {
  testRule(rule, {
    valid: [
      { name: 'not set', code: '#!/bin/sh\ndocker run app:1.0\n' },
      { name: 'a user-defined value', code: '#!/bin/sh\ndocker run --ipc=private app:1.0\n' },
    ],
    invalid: [
      {
        name: '--ipc=host',
        code: '#!/bin/sh\ndocker run --ipc=host app:1.0\n',
        findings: [{ line: 2, column: 12, severity: 'high' }],
      },
      { name: '--ipc host', code: '#!/bin/sh\ndocker run -d --ipc host app:1.0\n', findings: [{ line: 2, column: 21 }] },
    ],
  });
});
