import { describe, expect, it } from 'vitest';
import { ofRule, scanText, testRule } from '../../testing/index.js';
import rule from './env-credentials.js';

const pod = (env: string, more = '') => `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:2.3.1
      env:
${env}
${more}`;

describe('k8s/env-credentials', () => {
  testRule(rule, {
    valid: [
      {
        name: 'ordinary settings',
        code: pod('        - { name: LOG_LEVEL, value: debug }\n        - { name: DB_HOST, value: db.internal }'),
      },
      { name: 'a file path for the password', code: pod('        - { name: DB_PASSWORD_FILE, value: /run/secrets/db }') },
      { name: 'references to other variables', code: pod('        - { name: DB_PASSWORD, value: "$(PASSWORD_FROM_SECRET)" }') },
      {
        name: 'placeholders',
        code: pod(
          '        - { name: API_TOKEN, value: "<your-token>" }\n        - { name: ETCD_TOKEN, value: INSERT_ETCD_TOKEN }',
        ),
      },
      { name: 'empty values', code: pod('        - { name: DB_PASSWORD, value: "" }') },
      {
        name: 'a URL whose password is a variable',
        code: pod('        - { name: DATABASE_URL, value: "postgres://app:$(DB_PASSWORD)@db:5432/app" }'),
      },
      {
        name: 'flags that are not credentials',
        code: pod('        - { name: A, value: b }', '      args: ["--token-file=/var/run/token", "--port", "8080"]\n'),
      },
    ],
    invalid: [
      {
        name: 'a password under a credential name',
        code: pod('        - name: MYSQL_ROOT_PASSWORD\n          value: s3cr3t-root'),
        findings: [
          {
            line: 11,
            column: 11,
            severity: 'high',
            path: '/spec/containers/0/env/0/value',
            message:
              'Container "api" sets environment variable "MYSQL_ROOT_PASSWORD" to a literal password [redacted: 11 characters] written in the manifest.',
          },
        ],
      },
      {
        name: 'a known token format under any name, numbers too',
        code: pod(
          '        - { name: SOMETHING, value: ghp_0123456789abcdefghijABCDEFGHIJ012345 }\n        - { name: PIN_PASSWORD, value: 987654 }',
        ),
        findings: [
          { line: 10, message: /literal GitHub token \[redacted: 40 characters\]/ },
          { line: 11, message: /literal password \[redacted: 6 characters\]/ },
        ],
      },
      {
        name: 'a URL with a password',
        code: pod('        - { name: DATABASE_URL, value: "postgres://app:pa55word@db:5432/app" }'),
        findings: [{ line: 10, message: /URL with an embedded password/ }],
      },
      {
        name: 'a flag inside a shell command line',
        code: pod(
          '        - { name: A, value: b }',
          '      command: ["sh", "-c", "mysqldump --password=dump3r-pw --all-databases"]\n',
        ),
        findings: [
          {
            line: 11,
            path: '/spec/containers/0/command/2',
            message: /literal password \[redacted: 9 characters\] in command\[2\]/,
          },
        ],
      },
      {
        name: 'credentials in arguments',
        code: pod(
          '        - { name: A, value: b }',
          '      args: ["--db-password=hunter22", "--api-token", "abcd1234efgh", "-v"]\n',
        ),
        findings: [
          {
            line: 11,
            path: '/spec/containers/0/args/0',
            message: /passes a literal password \[redacted: 8 characters\] in args\[0\]/,
          },
          { line: 11, path: '/spec/containers/0/args/2', message: /literal token \[redacted: 12 characters\] in args\[2\]/ },
        ],
      },
    ],
  });

  it('never puts the value in the finding', async () => {
    const result = await scanText(pod('        - { name: STRIPE_KEY, value: sk_live_0123456789abcdefghijklmn }'), {
      rules: [rule],
    });
    const [finding] = ofRule(result, 'k8s/env-credentials');
    expect(finding?.message).toMatch(/Stripe secret key/);
    expect(JSON.stringify(result)).not.toContain('sk_live_0123456789abcdefghijklmn');
  });
});
