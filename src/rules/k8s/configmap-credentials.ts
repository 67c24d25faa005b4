import { detectSecret, detectSecretFormat, findEmbeddedSecrets, redact } from '../../analyzers/secrets.js';
import { asObject } from '../../model/k8s.js';
import { defineRule } from '../types.js';
import { lineLocator } from './_pod.js';

export default defineRule({
  target: 'k8s',
  meta: {
    id: 'k8s/configmap-credentials',
    description: 'Disallow credentials in ConfigMaps',
    rationale:
      'ConfigMaps are meant for non-confidential settings: they are readable by far more people and service accounts than Secrets (RBAC rarely restricts them; `view` grants them), shown in full by `kubectl describe`, never encrypted at rest, and committed to repositories without a second thought. A password, token or key in a ConfigMap, directly or inside an embedded application.yaml, .env or JSON file, is exposed to all of them. Known token formats are high, credential-named settings with real-looking values medium; placeholders and references are ignored and values are never printed.',
    severity: 'high',
    threats: ['secret-theft'],
    references: ['NSA/CISA Kubernetes Hardening: secrets', 'CIS Kubernetes 5.4.1', 'CWE-798: Use of Hard-coded Credentials'],
    remediation:
      'Rotate the credential, move it into a Secret (created from a secret store, not committed), mount it as a file, and reference it from the configuration (a `password_file` setting, or an environment reference the application resolves at start).',
    related: [
      { tool: 'kube-linter', id: 'configmap-with-credentials' },
      { tool: 'kubescape', id: 'C-0012' },
      { tool: 'trivy', id: 'KSV109' },
      { tool: 'polaris', id: 'sensitiveConfigmapContent' },
    ],
    examples: [
      {
        bad: `apiVersion: v1
kind: ConfigMap
metadata:
  name: api
data:
  application.yaml: |
    spring:
      datasource:
        url: jdbc:postgresql://db:5432/app
        password: Zq8-vN2xL4pR
`,
        good: `apiVersion: v1
kind: ConfigMap
metadata:
  name: api
data:
  application.yaml: |
    spring:
      datasource:
        url: jdbc:postgresql://db:5432/app
        password: \${DB_PASSWORD}
`,
      },
    ],
  },
  check(object, context) {
    if (object.kind !== 'ConfigMap' || object.group !== '') return;
    const data = asObject(object.value.data);
    if (!data) return;
    for (const [key, raw] of Object.entries(data)) {
      if (typeof raw !== 'string' && typeof raw !== 'number') continue;
      const value = String(raw);
      const name = JSON.stringify(object.name);
      if (!value.includes('\n')) {
        const match = detectSecret(key, value);
        if (!match) continue;
        context.report({
          path: ['data', key],
          ...(match.confidence === 'name' ? { severity: 'medium' as const } : {}),
          message: `ConfigMap ${name} key ${JSON.stringify(key)} holds a literal ${match.kind} ${redact(value)}; ConfigMaps are readable by far more people than Secrets.`,
        });
        continue;
      }
      const locate = lineLocator(object, ['data', key]);
      const embedded = findEmbeddedSecrets(value);
      // Formats that span lines: a registry auth file, a cloud service account key.
      const whole = embedded.length === 0 ? detectSecretFormat(value) : undefined;
      if (whole) {
        context.report({
          path: ['data', key],
          message: `ConfigMap ${name} key ${JSON.stringify(key)} holds a ${whole} ${redact(value)}; ConfigMaps are readable by far more people than Secrets.`,
        });
      }
      for (const found of embedded) {
        const range = locate(found.lineText);
        const setting = found.name === '' ? '' : ` sets ${JSON.stringify(found.name)} to`;
        context.report({
          path: ['data', key],
          ...(range ? { range } : {}),
          key: `${found.line}:${found.name}`,
          ...(found.match.confidence === 'name' ? { severity: 'medium' as const } : {}),
          message: `ConfigMap ${name} key ${JSON.stringify(key)}, line ${found.line + 1},${setting || ' holds'} a literal ${found.match.kind} ${redact(found.value)}; ConfigMaps are readable by far more people than Secrets.`,
        });
      }
    }
  },
});
