import { describe, expect, it } from 'vitest';
import { ofRule, scanText, testRule } from '../../testing/index.js';
import rule from './no-secrets-in-run.js';

describe('dockerfile/no-secrets-in-run', () => {
  testRule(rule, {
    valid: [
      {
        name: 'secret from a mounted file',
        code: 'FROM alpine:3.20\nRUN --mount=type=secret,id=t curl -H "Authorization: Bearer $(cat /run/secrets/t)" https://x\n',
      },
      { name: 'variable reference', code: 'FROM alpine:3.20\nRUN mysql -u root -p"$MYSQL_PASSWORD" -e "select 1"\n' },
      { name: 'password read from stdin', code: 'FROM alpine:3.20\nRUN echo x | docker login --password-stdin -u me registry\n' },
      { name: 'placeholder', code: 'FROM alpine:3.20\nRUN app --password changeme\n' },
      { name: 'curl -u without password', code: 'FROM alpine:3.20\nRUN curl -u deploy https://x\n' },
      { name: 'an undeclared variable written to a file', code: 'FROM alpine:3.20\nRUN echo "$API_TOKEN" > /dev/null\n' },
    ],
    invalid: [
      {
        name: 'curl -u user:password',
        code: 'FROM alpine:3.20\nRUN curl -fsSL -u deploy:Sup3rS3cretPw https://x/a.tgz -o a.tgz\n',
        findings: [
          { line: 2, column: 19, severity: 'high', message: /literal password \(\[redacted: 13 characters\]\) to curl/ },
        ],
      },
      {
        name: 'a token format anywhere',
        code: `FROM alpine:3.20\nRUN git clone https://oauth2:glpat-${'x'.repeat(20)}@gitlab.example.com/a/b.git\n`,
        findings: [{ line: 2, severity: 'critical' }],
      },
      {
        name: '--password=value and an HTTP header',
        code: 'FROM alpine:3.20\nRUN tool login --password=Qw3rty!Pass && curl -H "Authorization: Bearer abcdef123456789" https://x\n',
        findings: [
          { line: 2, message: /to tool/ },
          { line: 2, message: /credential in an HTTP header/ },
        ],
      },
      {
        name: 'a credential build argument written into a file',
        code: 'FROM node:20-slim\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n',
        findings: [{ line: 3, column: 5, severity: 'high', message: /writes the credential \$NPM_TOKEN into \.npmrc/ }],
      },
      {
        name: 'mysql -p<password> and an inline assignment',
        code: 'FROM mysql:8.4\nRUN mysql -uroot -pR00tPassw0rd -e "create database app" && DB_PASSWORD=Xy7-kk2-pp9 ./init.sh\n',
        findings: [
          { line: 2, message: /database password/ },
          { line: 2, message: /to init.sh/ },
        ],
      },
    ],
  });

  it('never prints the value', async () => {
    const result = await scanText('FROM alpine:3.20\nRUN curl -u deploy:Sup3rS3cretPw https://x\n', {
      filename: 'Dockerfile',
      rules: [rule],
    });
    expect(JSON.stringify(ofRule(result, rule.meta.id))).not.toContain('Sup3r');
  });
});
