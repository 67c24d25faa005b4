import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './configmap-credentials.js';

const configMap = (data: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: api
data:
${data}`;

describe('k8s/configmap-credentials', () => {
  testRule(rule, {
    valid: [
      { name: 'ordinary settings', code: configMap('  LOG_LEVEL: info\n  DB_HOST: db.internal\n  PASSWORD_MIN_LENGTH: "12"\n') },
      {
        name: 'an embedded file with references and file settings only',
        code: configMap(
          '  app.properties: |\n    db.password=${DB_PASSWORD}\n    db.password.file=/run/secrets/db\n    # admin.password=hunter22\n',
        ),
      },
      {
        name: 'a CA bundle',
        code: configMap(
          '  ca.crt: |\n    -----BEGIN CERTIFICATE-----\n    MIIBszCCAVmgAwIBAgIUV0\n    -----END CERTIFICATE-----\n',
        ),
      },
      {
        name: 'binaryData is not read',
        code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: api }\nbinaryData:\n  password: aHVudGVyMjI=\n',
      },
    ],
    invalid: [
      {
        name: 'a credential-named key: medium',
        code: configMap('  DB_PASSWORD: Zq8-vN2xL4pR\n'),
        findings: [
          {
            line: 6,
            column: 3,
            severity: 'medium',
            path: '/data/DB_PASSWORD',
            message:
              'ConfigMap "api" key "DB_PASSWORD" holds a literal password [redacted: 12 characters]; ConfigMaps are readable by far more people than Secrets.',
          },
        ],
      },
      {
        name: 'a token format under any key: high',
        code: configMap('  notify: https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX\n'),
        findings: [{ line: 6, severity: 'high', message: /Slack webhook URL/ }],
      },
      {
        name: 'a cloud service account key file, recognised across its lines',
        code: configMap('  key.json: |\n    {\n      "type": "service_account",\n      "project_id": "acme"\n    }\n'),
        findings: [{ line: 6, severity: 'high', message: /key "key.json" holds a Google service account key \[redacted:/ }],
      },
      {
        name: 'lines of embedded files, pointing at the line itself',
        code: configMap(
          '  application.yaml: |\n    spring:\n      datasource:\n        password: Zq8-vN2xL4pR\n  settings.json: |\n    {"apiKey": "k-93jf02kd81", "region": "eu"}\n  .env: |\n    LOG=debug\n    export GITHUB_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJ012345\n',
        ),
        findings: [
          {
            line: 9,
            column: 9,
            severity: 'medium',
            path: '/data/application.yaml',
            message: /key "application.yaml", line 3, sets "password" to a literal password \[redacted: 12 characters\]/,
          },
          { line: 11, column: 5, severity: 'medium', path: '/data/settings.json', message: /sets "apiKey" to a literal API key/ },
          {
            line: 14,
            column: 5,
            severity: 'high',
            path: '/data/.env',
            message: /line 2, sets "GITHUB_TOKEN" to a literal GitHub token/,
          },
        ],
      },
    ],
  });
});
