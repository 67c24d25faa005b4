import { capabilityInfo } from '../../model/capabilities.js';
import { asArray, asObject } from '../../model/k8s.js';
import { defineRule } from '../types.js';
import { capitalise, containerLabel, isPrivileged, isWindowsPod, securityPath } from './_pod.js';

export default defineRule({
  target: 'workload',
  meta: {
    id: 'k8s/no-privilege-escalation',
    description: 'Require allowPrivilegeEscalation: false on every Linux container',
    rationale:
      'Unless `allowPrivilegeEscalation` is false, the container process runs without the no_new_privs flag, so a setuid or setgid binary, or a file with capabilities, in the image gives the process more rights than it started with. An attacker who gets a shell as an unprivileged user then becomes root inside the container through any such binary (su, sudo, ping, mount helpers) or a bug in one. The default is to allow it.',
    severity: 'medium',
    threats: ['privilege-escalation', 'application-escape'],
    references: [
      'CIS Kubernetes 5.2.6',
      'NSA/CISA Kubernetes Hardening: restrict privilege escalation',
      'PSS restricted: Privilege Escalation',
    ],
    remediation:
      'Set `securityContext.allowPrivilegeEscalation: false` on each container (it has no pod-level equivalent). It cannot be combined with `privileged: true` or an added CAP_SYS_ADMIN; remove those first.',
    related: [
      { tool: 'kube-linter', id: 'privilege-escalation-container' },
      { tool: 'kubescape', id: 'C-0016' },
      { tool: 'kubescape', id: 'C-0197' },
      { tool: 'trivy', id: 'KSV001' },
      { tool: 'polaris', id: 'privilegeEscalationAllowed' },
      { tool: 'checkov', id: 'CKV_K8S_20' },
    ],
    overlaps: ['pss/allow-privilege-escalation'],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
`,
      },
    ],
  },
  check(workload, context) {
    if (isWindowsPod(workload)) return;
    for (const container of workload.containers) {
      const value = container.securityContext?.allowPrivilegeEscalation;
      if (value === false) continue;
      // Privileged or CAP_SYS_ADMIN containers always escalate (the API refuses false); their own
      // rules report them.
      if (isPrivileged(container) || addsSysAdmin(container.securityContext)) continue;
      const label = capitalise(containerLabel(container));
      context.report({
        path: securityPath(container, 'allowPrivilegeEscalation'),
        message:
          value === true
            ? `${label} sets allowPrivilegeEscalation: true: setuid binaries and file capabilities can give its processes more privileges than they started with.`
            : `${label} does not set allowPrivilegeEscalation: false, and the default allows setuid binaries and file capabilities to raise its privileges.`,
      });
    }
  },
});

function addsSysAdmin(securityContext: Record<string, unknown> | undefined): boolean {
  const add = asArray(asObject(securityContext?.capabilities)?.add);
  return add.some((entry) => typeof entry === 'string' && ['SYS_ADMIN', 'ALL'].includes(capabilityInfo(entry)?.name ?? ''));
}
