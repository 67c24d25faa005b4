import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-latest-tag.js';

describe('docker-run/no-latest-tag', () => {
  testRule(rule, {
    valid: [
      { name: 'variable image', code: '#!/bin/sh\ndocker run "$IMAGE"\n' },
      {
        name: 'digest',
        code: '#!/bin/sh\ndocker run alpine@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n',
      },
    ],
    invalid: [
      {
        name: 'untagged',
        code: '#!/bin/sh\ndocker run --rm -it ubuntu bash\n',
        findings: [{ line: 2, column: 21, severity: 'medium' }],
      },
    ],
  });
});
