import { describe, expect, it } from 'vitest';
import { ofRule, scanText, testRule } from '../../testing/index.js';
import rule from './no-secrets-in-env-arg.js';

describe('dockerfile/no-secrets-in-env-arg', () => {
  testRule(rule, {
    valid: [
      { name: 'a path to a secret file', code: 'FROM alpine:3.20\nENV DB_PASSWORD_FILE=/run/secrets/db\n' },
      { name: 'a placeholder', code: 'FROM alpine:3.20\nENV API_KEY=changeme\n' },
      { name: 'not a credential', code: 'FROM alpine:3.20\nENV NODE_ENV=production PORT=8080\nARG VERSION=1.2.3\n' },
      { name: 'empty value', code: 'FROM alpine:3.20\nENV TOKEN=""\n' },
      { name: 'a secret mount', code: 'FROM alpine:3.20\nRUN --mount=type=secret,id=tok cat /run/secrets/tok\n' },
    ],
    invalid: [
      {
        name: 'literal password in ENV',
        code: 'FROM alpine:3.20\nENV DB_PASSWORD=hunter2hunter2\n',
        findings: [
          {
            line: 2,
            column: 5,
            severity: 'high',
            message: /ENV DB_PASSWORD in stage #1 holds a literal password \(\[redacted: 14 characters\]\)/,
          },
        ],
      },
      {
        name: 'known token format under any name, legacy ENV syntax',
        code: `FROM alpine:3.20\nENV GREETING ghp_${'a'.repeat(36)}\n`,
        findings: [{ line: 2, severity: 'critical', message: /GitHub token/ }],
      },
      {
        name: 'credential build argument without a default',
        code: 'FROM node:20-slim\nARG NPM_TOKEN\n',
        findings: [{ line: 2, severity: 'medium', message: /Build argument NPM_TOKEN .* secret mount/ }],
      },
      {
        name: 'ENV copies a build argument',
        code: 'FROM alpine:3.20\nARG GITHUB_TOKEN\nENV GITHUB_TOKEN=$GITHUB_TOKEN\n',
        findings: [
          { line: 2, severity: 'medium' },
          { line: 3, severity: 'high', message: /copies a credential from \$GITHUB_TOKEN/ },
        ],
      },
      {
        name: 'a build stage that does not reach the final image is one step lower',
        code: 'FROM alpine:3.20 AS build\nENV API_KEY=Zx81kQ2mP0aLw9\nFROM alpine:3.20\n',
        findings: [{ line: 2, severity: 'medium' }],
      },
    ],
  });

  it('never prints the value', async () => {
    const result = await scanText('FROM alpine:3.20\nENV DB_PASSWORD=hunter2hunter2\n', {
      filename: 'Dockerfile',
      rules: [rule],
    });
    const text = JSON.stringify(ofRule(result, rule.meta.id));
    expect(text).not.toContain('hunter2');
  });
});
