import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-host-network.js';

describe('docker-run/no-host-network', () => {
  testRule(rule, {
    valid: [
      { name: 'not set', code: '#!/bin/sh\ndocker run app:1.0\n' },
      { name: 'a user-defined value', code: '#!/bin/sh\ndocker run --network=backend app:1.0\n' },
    ],
    invalid: [
      {
        name: '--network=host',
        code: '#!/bin/sh\ndocker run --network=host app:1.0\n',
        findings: [{ line: 2, column: 12, severity: 'high' }],
      },
      { name: '--network host', code: '#!/bin/sh\ndocker run -d --network host app:1.0\n', findings: [{ line: 2, column: 25 }] },
      { name: '--net=host', code: '#!/bin/sh\ndocker run --net=host app:1.0\n', findings: [{ line: 2 }] },
    ],
  });
});
