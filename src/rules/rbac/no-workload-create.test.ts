import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-workload-create.js';

const role = (groups: string, resources: string, verbs: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: r
  namespace: app
rules:
  - apiGroups: [${groups}]
    resources: [${resources}]
    verbs: [${verbs}]
`;

describe('rbac/no-workload-create', () => {
  testRule(rule, {
    valid: [
      { name: 'read pods', code: role('""', 'pods', 'get, list') },
      { name: 'deployments in the core group do not exist', code: role('""', 'deployments', 'create') },
      { name: 'pods/eviction is not pod creation', code: role('""', 'pods/eviction', 'create') },
    ],
    invalid: [
      {
        name: 'pods',
        code: role('""', 'pods', 'create'),
        findings: [{ line: 8, severity: 'medium', message: /create on pods/ }],
      },
      {
        name: 'cronjobs',
        code: role('batch', 'jobs, cronjobs', '"*"'),
        findings: [{ line: 8, column: 17, message: /\* on jobs.batch, cronjobs.batch/ }],
      },
    ],
  });
});
