import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-devices.js';

describe('docker-run/no-devices', () => {
  testRule(rule, {
    valid: [],
    invalid: [
      {
        name: 'disk',
        code: '#!/bin/sh\ndocker run --device=/dev/nvme0n1 app:1.0\n',
        findings: [{ line: 2, column: 12, severity: 'high' }],
      },
    ],
  });
});
