import type { Severity } from '../../core/severity.js';
import { asObject, asString } from '../../model/k8s.js';
import type { Container, Workload } from '../../model/workload.js';
import { toPointer } from '../../sources/yaml.js';
import { defineRule } from '../types.js';
import {
  capitalise,
  containerLabel,
  isWindowsPod,
  listNames,
  type Resolved,
  resolveSecurityField,
  securityPath,
} from './_pod.js';

interface Problem {
  path: readonly (string | number)[];
  severity: Severity;
  /** The reason, with the verb agreeing with one (false) or several (true) containers. */
  reason: (plural: boolean) => string;
  containers: Container[];
}

export default defineRule({
  target: 'workload',
  meta: {
    id: 'k8s/run-as-non-root',
    description: 'Require containers to run as a non-root user',
    rationale:
      'A process that runs as UID 0 in a container is root for the kernel, the filesystem and any host path mounted in. An attacker who takes over such a process can change files the image relies on, use setuid tricks, read files meant for root, and needs only one kernel or runtime bug (runc CVE-2019-5736 was one) to be root on the node. When neither `runAsUser` nor `runAsNonRoot` is set, the image decides, and most images run as root.',
    severity: 'medium',
    threats: ['application-escape', 'privilege-escalation'],
    references: [
      'CIS Kubernetes 5.2.7',
      'NSA/CISA Kubernetes Hardening: non-root containers',
      'PSS restricted: Running as Non-root',
      'PSS restricted: Running as Non-root user',
    ],
    remediation:
      'Set `securityContext.runAsNonRoot: true` on the pod (or each container) and `runAsUser` to a non-zero UID the image works with (`USER 10001` in the Dockerfile). On Windows, set `runAsNonRoot: true` or a `windowsOptions.runAsUserName` other than ContainerAdministrator.',
    related: [
      { tool: 'kube-linter', id: 'run-as-non-root' },
      { tool: 'kubescape', id: 'C-0013' },
      { tool: 'kubescape', id: 'C-0198' },
      { tool: 'trivy', id: 'KSV012' },
      { tool: 'trivy', id: 'KSV105' },
      { tool: 'polaris', id: 'runAsRootAllowed' },
      { tool: 'kube-score', id: 'container-security-context-user-group-id' },
      { tool: 'checkov', id: 'CKV_K8S_23' },
    ],
    overlaps: ['pss/run-as-non-root', 'pss/run-as-user'],
    examples: [
      {
        bad: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx:1.27
`,
        good: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
      containers:
        - name: web
          image: nginxinc/nginx-unprivileged:1.27
`,
      },
    ],
  },
  check(workload, context) {
    const problems = new Map<string, Problem>();
    const add = (path: readonly (string | number)[], severity: Severity, reason: Problem['reason'], container: Container) => {
      const key = toPointer(path);
      const problem = problems.get(key);
      if (problem) problem.containers.push(container);
      else problems.set(key, { path, severity, reason, containers: [container] });
    };
    const windows = isWindowsPod(workload);
    for (const container of workload.containers) {
      const nonRoot = resolveSecurityField(workload, container, 'runAsNonRoot');
      if (windows) {
        checkWindows(workload, container, nonRoot, add);
        continue;
      }
      const user = resolveSecurityField(workload, container, 'runAsUser');
      if (user && typeof user.value === 'number') {
        // A non-zero UID is not root. UID 0 with runAsNonRoot: true is refused by the kubelet.
        if (user.value !== 0 || nonRoot?.value === true) continue;
        add(user.path, 'high', (p) => `${p ? 'run' : 'runs'} as root: runAsUser is 0 (${describeLevel(user)})`, container);
        continue;
      }
      if (nonRoot?.value === true) continue;
      if (nonRoot?.value === false) {
        add(
          nonRoot.path,
          'medium',
          () =>
            `may run as root: runAsNonRoot is false (${describeLevel(nonRoot)}) and no runAsUser is set, so the image's user applies`,
          container,
        );
      } else {
        add(
          securityPath(container, 'runAsNonRoot'),
          'medium',
          () =>
            "may run as root: neither runAsNonRoot nor runAsUser is set, so the image's user applies, which is root for most images",
          container,
        );
      }
    }
    for (const problem of problems.values()) {
      const names = listNames(problem.containers.map(containerLabel));
      const reason = problem.reason(problem.containers.length > 1);
      context.report({ path: problem.path, severity: problem.severity, message: `${capitalise(names)} ${reason}.` });
    }
  },
});

function checkWindows(
  workload: Workload,
  container: Container,
  nonRoot: Resolved<unknown> | undefined,
  add: (path: readonly (string | number)[], severity: Severity, reason: Problem['reason'], container: Container) => void,
): void {
  const podContext = workload.podSecurityContext;
  const own = asObject(container.securityContext?.windowsOptions);
  if (own?.hostProcess === true || asObject(podContext?.windowsOptions)?.hostProcess === true) return; // runs as a host account; PSS covers it
  const ownUser = asString(own?.runAsUserName);
  const podUser = asString(asObject(podContext?.windowsOptions)?.runAsUserName);
  const userName = ownUser ?? podUser;
  if (userName !== undefined && userName.toLowerCase() === 'containeradministrator') {
    if (nonRoot?.value === true) return; // refused by the kubelet
    const path =
      ownUser !== undefined
        ? [...container.path, 'securityContext', 'windowsOptions', 'runAsUserName']
        : [...workload.podSpecPath, 'securityContext', 'windowsOptions', 'runAsUserName'];
    add(
      path,
      'high',
      (p) => `${p ? 'run' : 'runs'} as ContainerAdministrator, the administrator account of Windows containers`,
      container,
    );
    return;
  }
  if (userName !== undefined || nonRoot?.value === true) return;
  if (nonRoot?.value === false) {
    add(
      nonRoot.path,
      'medium',
      () => 'may run as ContainerAdministrator: runAsNonRoot is false and no runAsUserName is set',
      container,
    );
  } else {
    add(
      securityPath(container, 'runAsNonRoot'),
      'medium',
      () =>
        "may run as ContainerAdministrator: neither runAsNonRoot nor windowsOptions.runAsUserName is set, so the image's user applies",
      container,
    );
  }
}

function describeLevel(resolved: Resolved<unknown>): string {
  return resolved.level === 'pod' ? 'set on the pod' : 'set on the container';
}
