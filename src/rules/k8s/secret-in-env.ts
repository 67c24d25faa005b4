import { asArray, asObject, asString } from '../../model/k8s.js';
import { defineRule } from '../types.js';
import { capitalise, containerLabel } from './_pod.js';

export default defineRule({
  target: 'workload',
  meta: {
    id: 'k8s/secret-in-env',
    description: 'Require Secrets to be mounted as files rather than passed as environment variables',
    rationale:
      'Environment variables leak: every child process inherits them, they are readable in /proc/<pid>/environ by anything that shares the PID namespace, and applications print them in crash reports, debug pages and startup logs. They are also frozen at container start, so a rotated Secret is not picked up. A Secret mounted as a file stays in tmpfs, can be read only by the processes that open it, and is updated in place.',
    severity: 'low',
    threats: ['secret-theft'],
    references: ['CIS Kubernetes 5.4.1', 'NSA/CISA Kubernetes Hardening: secrets'],
    remediation:
      'Mount the Secret as a volume (`volumes[].secret` with `volumeMounts[].readOnly: true`) and have the application read the file; many images accept `<NAME>_FILE` variables pointing at such a file.',
    related: [
      { tool: 'kube-linter', id: 'read-secret-from-env-var' },
      { tool: 'kubescape', id: 'C-0207' },
      { tool: 'checkov', id: 'CKV_K8S_35' },
    ],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:2.3.1
      env:
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef: { name: db, key: password }
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:2.3.1
      env:
        - name: DB_PASSWORD_FILE
          value: /run/secrets/db/password
      volumeMounts:
        - { name: db, mountPath: /run/secrets/db, readOnly: true }
  volumes:
    - name: db
      secret: { secretName: db }
`,
      },
    ],
  },
  check(workload, context) {
    for (const container of workload.containers) {
      const label = capitalise(containerLabel(container));
      asArray(container.value.env).forEach((raw, index) => {
        const env = asObject(raw);
        const ref = asObject(asObject(env?.valueFrom)?.secretKeyRef);
        if (!ref) return;
        const variable = JSON.stringify(asString(env?.name) ?? `env[${index}]`);
        context.report({
          path: [...container.path, 'env', index, 'valueFrom', 'secretKeyRef'],
          message: `${label} reads key ${JSON.stringify(asString(ref.key) ?? '?')} of Secret ${JSON.stringify(asString(ref.name) ?? '?')} into environment variable ${variable}, where child processes, /proc and crash logs can expose it.`,
        });
      });
      asArray(container.value.envFrom).forEach((raw, index) => {
        const ref = asObject(asObject(raw)?.secretRef);
        if (!ref) return;
        context.report({
          path: [...container.path, 'envFrom', index, 'secretRef'],
          message: `${label} loads every key of Secret ${JSON.stringify(asString(ref.name) ?? '?')} into environment variables, where child processes, /proc and crash logs can expose them.`,
        });
      });
    }
  },
});
