import { definePssRule, who } from './_pss.js';

export default definePssRule({
  check: 'windowsHostProcess',
  meta: {
    id: 'pss/windows-host-process',
    description: 'Disallow Windows HostProcess containers (Pod Security Standards baseline)',
    rationale:
      "A Windows HostProcess container runs directly on the node as a host process, with the node's network and file system and, typically, SYSTEM privileges: it is the Windows equivalent of a privileged container.",
    severity: 'critical',
    threats: ['host-compromise'],
    references: ['PSS baseline: HostProcess'],
    remediation:
      'Remove `securityContext.windowsOptions.hostProcess: true` from the pod and its containers; run node administration outside the cluster workloads or in a reviewed privileged namespace.',
    related: [{ tool: 'trivy', id: 'KSV103' }],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  hostNetwork: true
  securityContext:
    windowsOptions:
      hostProcess: true
      runAsUserName: "NT AUTHORITY\\\\SYSTEM"
  containers:
    - name: agent
      image: example/agent:1.0
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  securityContext:
    windowsOptions:
      runAsUserName: ContainerUser
  containers:
    - name: agent
      image: example/agent:1.0
`,
      },
    ],
  },
  message: (field) =>
    `${who(field)} sets securityContext.windowsOptions.hostProcess: true: it runs as a process on the Windows node itself, with the node's privileges.`,
});
