import type { Severity } from '../../core/severity.js';
import { asObject, asString } from '../../model/k8s.js';
import type { Container } from '../../model/workload.js';
import type { Path } from '../../sources/yaml.js';
import { toPointer } from '../../sources/yaml.js';
import { defineRule } from '../types.js';
import { capitalise, containerLabel, isPrivileged, isWindowsPod, listNames, resolveSecurityField } from './_pod.js';

/** SELinux types that are not confined like a container: the process runs as (nearly) the host. */
const UNCONFINED_TYPES = new Map([
  ['spc_t', 'the "super privileged container" type, which SELinux does not confine'],
  ['unconfined_t', 'the unconfined user type'],
  ['unconfined_service_t', 'the unconfined service type'],
  ['kernel_t', 'the kernel type'],
  ['init_t', "the host's init type"],
  ['initrc_t', "the host's init scripts type"],
  ['container_runtime_t', "the container runtime's own type"],
  ['docker_t', "the Docker daemon's own type"],
]);

const UNCONFINED_USERS = new Set(['unconfined_u', 'sysadm_u', 'root']);
const UNCONFINED_ROLES = new Set(['unconfined_r', 'sysadm_r', 'system_r']);

interface Problem {
  path: Path;
  severity: Severity;
  reason: string;
  containers: Container[];
}

export default defineRule({
  target: 'workload',
  meta: {
    id: 'k8s/selinux-options',
    description: 'Disallow SELinux options that take containers out of SELinux confinement',
    rationale:
      "On SELinux nodes every container runs as container_t with its own pair of MCS categories, so even root in the container cannot touch host files or other containers' files. Setting the type to spc_t or unconfined_t, an unconfined user or role, or a level that spans every category (s0:c0.c1023) removes that isolation: a compromised process can read and write what the host's own services can. Leaving seLinuxOptions unset is safe: the runtime assigns a confined label.",
    severity: 'high',
    threats: ['host-compromise', 'kernel-exploit'],
    references: ['NSA/CISA Kubernetes Hardening: SELinux', 'PSS baseline: SELinux', 'CIS Kubernetes 5.7.3'],
    remediation:
      'Remove `seLinuxOptions` and let the runtime assign the label, or set only a `level` with specific categories (`s0:c123,c456`) to share files between chosen pods.',
    related: [
      { tool: 'kubescape', id: 'C-0055' },
      { tool: 'trivy', id: 'KSV025' },
      { tool: 'polaris', id: 'linuxHardening' },
    ],
    overlaps: ['pss/selinux-options'],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  securityContext:
    seLinuxOptions:
      type: spc_t
  containers:
    - name: agent
      image: ghcr.io/acme/agent:1.4.0
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  securityContext:
    seLinuxOptions:
      level: "s0:c123,c456"
  containers:
    - name: agent
      image: ghcr.io/acme/agent:1.4.0
`,
      },
    ],
  },
  check(workload, context) {
    if (isWindowsPod(workload)) return;
    const problems = new Map<string, Problem>();
    for (const container of workload.containers) {
      if (isPrivileged(container)) continue; // privileged containers are unconfined anyway
      // The container's seLinuxOptions replace the pod's as a whole.
      const resolved = resolveSecurityField(workload, container, 'seLinuxOptions');
      const options = asObject(resolved?.value);
      if (!resolved || !options) continue;
      const add = (field: string, severity: Severity, reason: string) => {
        const path = [...resolved.path, field];
        const key = toPointer(path);
        const problem = problems.get(key);
        if (problem) problem.containers.push(container);
        else problems.set(key, { path, severity, reason, containers: [container] });
      };
      const type = asString(options.type)?.trim();
      const typeInfo = type === undefined ? undefined : UNCONFINED_TYPES.get(type);
      if (type !== undefined && typeInfo) add('type', 'high', `SELinux type ${type}, ${typeInfo}`);
      const user = asString(options.user)?.trim();
      if (user !== undefined && UNCONFINED_USERS.has(user))
        add('user', 'high', `SELinux user ${user}, which is not confined like a container`);
      const role = asString(options.role)?.trim();
      if (role !== undefined && UNCONFINED_ROLES.has(role))
        add('role', 'high', `SELinux role ${role}, which is not confined like a container`);
      const level = asString(options.level)?.trim();
      if (level !== undefined && /c0\.c1023/.test(level)) {
        add(
          'level',
          'medium',
          `SELinux level ${level}, which spans every category and so reaches the files of every container on the node`,
        );
      }
    }
    for (const problem of problems.values()) {
      context.report({
        path: problem.path,
        severity: problem.severity,
        message: `${capitalise(listNames(problem.containers.map(containerLabel)))} ${problem.containers.length > 1 ? 'run' : 'runs'} with ${problem.reason}.`,
      });
    }
  },
});
