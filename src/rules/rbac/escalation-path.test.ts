import { describe, expect, it } from 'vitest';
import { ofRule, scanText, testRule } from '../../testing/index.js';
import rule from './escalation-path.js';

const setup = (namespaceLabels: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: team
  labels: { ${namespaceLabels} }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: maker, namespace: team }
rules: [{ apiGroups: [""], resources: [pods], verbs: [create] }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: maker, namespace: team }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: maker }
subjects:
  - { kind: User, name: jenkins }
`;

const admin = `---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: boss }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }
subjects: [{ kind: ServiceAccount, name: boss, namespace: team }]
`;

describe('rbac/escalation-path', () => {
  testRule(rule, {
    valid: [
      { name: 'restricted namespace without powerful accounts', code: setup('pod-security.kubernetes.io/enforce: restricted') },
      { name: 'a direct grant is not a chain', code: `apiVersion: v1\nkind: Namespace\nmetadata: { name: team }\n${admin}` },
    ],
    invalid: [
      {
        name: 'pod creation to node root',
        code: setup('team: a'),
        findings: [
          {
            line: 17,
            severity: 'high',
            message: /User jenkins reaches root on a node in 2 steps: create pods in namespace team/,
          },
        ],
      },
      {
        name: 'pod creation to cluster-admin through a service account',
        code: setup('pod-security.kubernetes.io/enforce: baseline') + admin,
        findings: [
          { line: 17, severity: 'critical', message: /cluster-admin equivalence in 4 steps/ },
          { line: 17, severity: 'high', message: /reading every secret in the cluster in 4 steps/ },
          { line: 17, severity: 'high', message: /root on a node in 4 steps/ },
        ],
      },
    ],
  });

  it('puts the chain in the evidence', async () => {
    const result = await scanText(setup('pod-security.kubernetes.io/enforce: baseline') + admin, { rules: [rule] });
    const finding = ofRule(result, 'rbac/escalation-path').find((f) => f.message.includes('cluster-admin'));
    expect(finding?.evidence?.[0]).toBe(
      '1. User jenkins → pods in namespace team: create pods in namespace team [RoleBinding/team/maker → Role/maker]',
    );
    expect(finding?.evidence).toHaveLength(4);
    expect(finding?.threats).toEqual(['privilege-escalation']);
  });
});
