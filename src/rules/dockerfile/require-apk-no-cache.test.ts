import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-apk-no-cache.js';

describe('dockerfile/require-apk-no-cache', () => {
  testRule(rule, {
    valid: [
      { name: '--no-cache', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
      { name: 'cache removed in the same RUN', code: 'FROM alpine:3.20\nRUN apk add --update curl && rm -rf /var/cache/apk/*\n' },
      { name: 'build stage only', code: 'FROM alpine:3.20 AS b\nRUN apk add gcc\nFROM scratch\n' },
      { name: 'apk del', code: 'FROM alpine:3.20\nRUN apk del curl\n' },
      {
        name: 'apk add --no-network records packages already installed and reads no index',
        code: 'FROM alpine:3.20\nRUN apk add --no-network --virtual .rundeps $runDeps\n',
      },
      {
        name: 'apk update with the cache removed',
        code: 'FROM alpine:3.20\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n',
      },
    ],
    invalid: [
      {
        name: 'apk add',
        code: 'FROM alpine:3.20\nRUN apk update && apk add curl\n',
        findings: [{ line: 2, column: 19, severity: 'low' }],
      },
      { name: 'virtual package', code: 'FROM alpine:3.20\nRUN apk add -t .build-deps gcc make\n', findings: [{ line: 2 }] },
      {
        name: 'apk update keeps the index even when apk add uses --no-cache',
        code: 'FROM alpine:3.20\nRUN apk update && apk upgrade && apk add --no-cache bash\n',
        findings: [{ line: 2, column: 5, message: /apk update stores the package index/ }],
      },
    ],
  });
});
