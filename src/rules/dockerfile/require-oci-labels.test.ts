import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-oci-labels.js';

describe('dockerfile/require-oci-labels', () => {
  testRule(rule, {
    valid: [
      {
        name: 'all three, one per LABEL',
        code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source=https://x\nLABEL org.opencontainers.image.revision=abc org.opencontainers.image.version=1\n',
      },
    ],
    invalid: [
      {
        name: 'no labels',
        code: 'FROM alpine:3.20\n',
        findings: [
          {
            line: 1,
            severity: 'info',
            message: /source, org.opencontainers.image.revision, org.opencontainers.image.version labels/,
          },
        ],
      },
      {
        name: 'source only',
        code: 'FROM alpine:3.20\nLABEL "org.opencontainers.image.source"="https://x"\n',
        findings: [{ line: 1, message: /no org.opencontainers.image.revision, org.opencontainers.image.version labels/ }],
      },
    ],
  });
});
