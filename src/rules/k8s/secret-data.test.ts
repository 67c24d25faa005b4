import { describe, expect, it } from 'vitest';
import { ofRule, scanText, testRule } from '../../testing/index.js';
import rule from './secret-data.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const secret = (body: string, type = 'Opaque') => `apiVersion: v1
kind: Secret
metadata:
  name: db
type: ${type}
${body}`;

const CERT = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUV0\n-----END CERTIFICATE-----\n';

describe('k8s/secret-data', () => {
  testRule(rule, {
    valid: [
      { name: 'a service account token Secret without data', code: secret('', 'kubernetes.io/service-account-token') },
      { name: 'empty data', code: secret('data: {}\nstringData:\n  password: ""\n') },
      { name: 'Helm template values', code: secret('stringData:\n  password: "{{ .Values.db.password }}"\n') },
      { name: 'envsubst references', code: secret('stringData:\n  password: ${DB_PASSWORD}\n') },
      {
        name: 'SOPS-encrypted values',
        code: secret('data:\n  password: ENC[AES256_GCM,data:abc=,iv:def=,tag:ghi=,type:str]\nsops:\n  version: 3.9.0\n'),
      },
      { name: 'a public CA certificate', code: secret(`data:\n  ca.crt: ${b64(CERT)}\n`) },
      {
        name: 'a ConfigMap is not a Secret',
        code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: db }\ndata:\n  password: Zq8-vN2xL4pR\n',
      },
    ],
    invalid: [
      {
        name: 'base64 data and stringData, one finding per key',
        code: secret(
          `data:\n  username: ${b64('app')}\n  password: ${b64('Zq8-vN2xL4pR')}\nstringData:\n  token: Yx7Qk2Lm9Np3\n`,
        ),
        findings: [
          {
            line: 7,
            column: 3,
            severity: 'low',
            path: '/data/username',
            message: /commits key "username" in data: \[redacted: 3 characters\], an identifier rather than a credential/,
          },
          { line: 8, severity: 'high', path: '/data/password', message: /\[redacted: 12 characters\]/ },
          { line: 10, severity: 'high', path: '/stringData/token' },
        ],
      },
      {
        name: 'a TLS key pair: only the private key is reported',
        code: secret(
          `data:\n  tls.crt: ${b64(CERT)}\n  tls.key: ${b64('-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----\n')}\n`,
          'kubernetes.io/tls',
        ),
        findings: [{ line: 8, path: '/data/tls.key', message: /\(type kubernetes.io\/tls\) commits key "tls.key"/ }],
      },
      {
        name: 'a configuration file in stringData: each recognised credential on its line',
        code: secret(
          'stringData:\n  grafana.ini: |\n    [security]\n    admin_user = admin\n    admin_password = Zq8-vN2xL4pR\n',
        ),
        findings: [
          {
            line: 10,
            column: 5,
            severity: 'high',
            path: '/stringData/grafana.ini',
            message:
              /commits the file "grafana.ini" in stringData; line 3 sets "admin_password" to a literal password \[redacted: 12 characters\]/,
          },
        ],
      },
      {
        name: 'a configuration file with no recognised credential: low',
        code: secret(`data:\n  alertmanager.yaml: ${b64('route:\n  receiver: default\nreceivers:\n  - name: default\n')}\n`),
        findings: [{ line: 7, severity: 'low', message: /no credential was recognised in it/ }],
      },
      {
        name: 'a pretty-printed registry auth file, recognised across its lines',
        code: secret(
          `data:\n  .dockerconfigjson: ${b64('{\n  "auths": {\n    "ghcr.io": {\n      "auth": "dXNlcjpwYXNzd29yZA=="\n    }\n  }\n}\n')}\n`,
          'kubernetes.io/dockerconfigjson',
        ),
        findings: [
          { line: 7, severity: 'high', message: /commits the file ".dockerconfigjson" in data, a Docker registry auth/ },
        ],
      },
      {
        name: 'a placeholder-looking value is deployed as written: medium',
        code: secret('stringData:\n  password: changeme\n'),
        findings: [{ line: 7, severity: 'medium', message: /placeholder-looking value/ }],
      },
    ],
  });

  it('never prints a value, decoded or encoded', async () => {
    const code = secret(`data:\n  password: ${b64('Zq8-vN2xL4pR')}\n`);
    const result = await scanText(code, { rules: [rule] });
    expect(ofRule(result, 'k8s/secret-data')).toHaveLength(1);
    const json = JSON.stringify(result);
    expect(json).not.toContain('Zq8-vN2xL4pR');
    expect(json).not.toContain(b64('Zq8-vN2xL4pR'));
  });
});
