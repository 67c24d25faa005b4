import { describeAddedCapability, grantedAdds } from '../../model/capabilities.js';
import { asArray, asObject } from '../../model/k8s.js';
import { defineRule } from '../types.js';
import { capitalise, containerLabel, isWindowsPod, securityPath } from './_pod.js';

export default defineRule({
  target: 'workload',
  meta: {
    id: 'k8s/dangerous-capabilities',
    description: 'Disallow adding dangerous Linux capabilities to containers',
    rationale:
      'Capabilities split root into pieces, and some pieces are as good as the whole: SYS_ADMIN and SYS_MODULE lead straight to the host kernel, SYS_PTRACE reads and injects into other processes, DAC_READ_SEARCH opens host files by handle (the "shocker" escape), NET_ADMIN and NET_RAW rewrite and sniff pod traffic, BPF and PERFMON read kernel memory. Each finding names what the capability enables and is graded by how directly it leads to the node.',
    severity: 'high',
    threats: ['kernel-exploit', 'host-compromise', 'privilege-escalation'],
    references: [
      'CIS Kubernetes 5.2.9',
      'NSA/CISA Kubernetes Hardening: drop unneeded Linux capabilities',
      'PSS baseline: Capabilities',
      'PSS restricted: Capabilities',
    ],
    remediation:
      'Remove the capability from `securityContext.capabilities.add`. If the workload truly needs it (a CNI agent needs NET_ADMIN), run it in a dedicated, reviewed namespace and suppress this finding there with the reason.',
    related: [
      { tool: 'kubescape', id: 'C-0046' },
      { tool: 'kubescape', id: 'C-0200' },
      { tool: 'trivy', id: 'KSV005' },
      { tool: 'trivy', id: 'KSV022' },
      { tool: 'trivy', id: 'KSV119' },
      { tool: 'trivy', id: 'KSV120' },
      { tool: 'polaris', id: 'dangerousCapabilities' },
      { tool: 'checkov', id: 'CKV_K8S_25' },
      { tool: 'checkov', id: 'CKV_K8S_39' },
    ],
    overlaps: ['pss/capabilities-baseline', 'pss/capabilities-restricted'],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: tools
spec:
  containers:
    - name: tools
      image: ghcr.io/acme/tools:1.0.0
      securityContext:
        capabilities:
          add: [SYS_ADMIN]
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: tools
spec:
  containers:
    - name: tools
      image: ghcr.io/acme/tools:1.0.0
      securityContext:
        capabilities:
          drop: [ALL]
          add: [NET_BIND_SERVICE]
`,
      },
    ],
  },
  check(workload, context) {
    // Windows containers have no Linux capabilities (the API refuses them there).
    if (isWindowsPod(workload)) return;
    for (const container of workload.containers) {
      const capabilities = asObject(container.securityContext?.capabilities);
      const label = capitalise(containerLabel(container));
      // Granted as containerd and CRI-O compute it: a named drop cancels a named add.
      for (const added of grantedAdds(asArray(capabilities?.add), asArray(capabilities?.drop), 'cri')) {
        context.report({
          path: securityPath(container, 'capabilities', 'add', added.index),
          severity: added.info.severity,
          message: `${label} ${describeAddedCapability(added)}.`,
        });
      }
    }
  },
});
