import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './secret-in-env.js';

describe('k8s/secret-in-env', () => {
  testRule(rule, {
    valid: [
      {
        name: 'ConfigMap references and field references are not Secrets',
        code: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:2.3.1
      env:
        - name: LOG_LEVEL
          valueFrom: { configMapKeyRef: { name: app, key: level } }
        - name: POD_NAME
          valueFrom: { fieldRef: { fieldPath: metadata.name } }
      envFrom:
        - configMapRef: { name: app }
`,
      },
    ],
    invalid: [
      {
        name: 'secretKeyRef and envFrom.secretRef',
        code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:2.3.1
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: db
                  key: password
          envFrom:
            - secretRef:
                name: api-keys
`,
        findings: [
          {
            line: 16,
            severity: 'low',
            path: '/spec/template/spec/containers/0/env/0/valueFrom/secretKeyRef',
            message:
              'Container "api" reads key "password" of Secret "db" into environment variable "DB_PASSWORD", where child processes, /proc and crash logs can expose it.',
          },
          {
            line: 20,
            path: '/spec/template/spec/containers/0/envFrom/0/secretRef',
            message: /loads every key of Secret "api-keys"/,
          },
        ],
      },
    ],
  });
});
