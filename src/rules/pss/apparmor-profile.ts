import { definePssRule, show, who } from './_pss.js';

export default definePssRule({
  check: 'appArmorProfile',
  meta: {
    id: 'pss/apparmor-profile',
    description: 'Disallow unconfined or custom AppArmor profiles (Pod Security Standards baseline)',
    rationale:
      'On nodes with AppArmor, the runtime default profile blocks writes to sensitive parts of /proc and /sys, mounts and other kernel interfaces an attacker uses to break out. Setting the profile to unconfined (by the `appArmorProfile` field or the beta annotation) removes that layer.',
    severity: 'high',
    threats: ['kernel-exploit'],
    references: ['PSS baseline: AppArmor'],
    remediation:
      'Leave the AppArmor profile unset, or set `securityContext.appArmorProfile.type` to `RuntimeDefault` or `Localhost` (with a reviewed profile); remove `container.apparmor.security.beta.kubernetes.io/*` annotations whose value is not `runtime/default` or `localhost/<profile>`.',
    related: [{ tool: 'trivy', id: 'KSV002' }],
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
      securityContext:
        appArmorProfile:
          type: Unconfined
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
        appArmorProfile:
          type: RuntimeDefault
`,
      },
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    container.apparmor.security.beta.kubernetes.io/web: unconfined
spec:
  containers:
    - name: web
      image: nginx:1.27
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    container.apparmor.security.beta.kubernetes.io/web: runtime/default
spec:
  containers:
    - name: web
      image: nginx:1.27
`,
      },
    ],
  },
  message: (field) =>
    field.path.includes('annotations')
      ? `The annotation for container "${field.container ?? ''}" sets the AppArmor profile ${show(field.value)}: the container runs without the runtime's default AppArmor confinement.`
      : `${who(field)} sets securityContext.appArmorProfile.type to ${show(field.value)}: only RuntimeDefault or Localhost keep AppArmor confinement.`,
});
