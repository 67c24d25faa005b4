/**
 * Credentials found by the Kubernetes rules are described, never printed: the JSON and text
 * reports of a scan that finds them must not contain the values, in plain text or base64.
 */
import { describe, expect, it } from 'vitest';
import type { Io } from '../src/cli/io.js';
import { runCli } from '../src/cli/run.js';

const SECRETS = [
  'AKIAQ3EGZ7NA4EXAMPLE', // AWS access key id in env
  'Zq8-vN2xL4pR-db', // password in env
  'hunter22-flag', // password in args
  'k-93jf02kd81-cm', // API key inside a ConfigMap's embedded JSON
  'ghp_0123456789abcdefghijABCDEFGHIJ012345', // GitHub token in a ConfigMap's .env
  'Yx7Qk2Lm9Np3-secret', // Secret stringData
  'Pw9-base64-only', // Secret data, base64-encoded below
];

const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:2.3.1
          args: ["--db-password=${SECRETS[2]}"]
          env:
            - { name: AWS_ACCESS_KEY_ID, value: ${SECRETS[0]} }
            - { name: DB_PASSWORD, value: "${SECRETS[1]}" }
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: api
  namespace: shop
data:
  settings.json: |
    {"apiKey": "${SECRETS[3]}"}
  .env: |
    GITHUB_TOKEN=${SECRETS[4]}
---
apiVersion: v1
kind: Secret
metadata:
  name: api
  namespace: shop
stringData:
  token: ${SECRETS[5]}
data:
  password: ${Buffer.from(SECRETS[6] ?? '').toString('base64')}
`;

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io: Io = {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: () => true },
    stdin: (async function* () {
      yield manifest;
    })(),
    env: { NO_COLOR: '1' },
    cwd: process.cwd(),
  };
  const code = await runCli(['scan', '-', '--no-config', ...args], io);
  return { code, out };
}

describe('secret values in reports', () => {
  it.each([['json'], ['text']])('the %s report names every credential and prints none', async (format) => {
    const { code, out } = await cli(['--format', format]);
    expect(code).toBe(1);
    for (const rule of ['k8s/env-credentials', 'k8s/configmap-credentials', 'k8s/secret-data']) expect(out).toContain(rule);
    expect(out).toContain('[redacted:');
    for (const secret of SECRETS) {
      expect(out, `${format} report contains ${secret}`).not.toContain(secret);
      expect(out).not.toContain(Buffer.from(secret).toString('base64'));
    }
  });

  it('the JSON report has one finding per credential', async () => {
    const { out } = await cli(['--format', 'json']);
    const report = JSON.parse(out) as { findings: { rule: string }[] };
    const count = (rule: string) => report.findings.filter((f) => f.rule === rule).length;
    expect(count('k8s/env-credentials')).toBe(3);
    expect(count('k8s/configmap-credentials')).toBe(2);
    expect(count('k8s/secret-data')).toBe(2);
  });
});
