/**
 * Documentation examples of the control-plane rules: a minimal static pod manifest for a
 * component with the given flags, as kubeadm writes them under /etc/kubernetes/manifests.
 */
export function podExample(
  component: 'kube-apiserver' | 'etcd' | 'kube-controller-manager' | 'kube-scheduler',
  flags: readonly string[],
  containerTail = '',
  podTail = '',
): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${component}
  namespace: kube-system
  labels:
    component: ${component}
    tier: control-plane
spec:
  hostNetwork: true
  containers:
    - name: ${component}
      image: registry.k8s.io/${component}:v1.34.1
      command:
        - ${component}
${flags.map((flag) => `        - ${flag}`).join('\n')}
${containerTail}${podTail}`;
}

/** A KubeletConfiguration example with the given fields (YAML, two-space indented body). */
export function kubeletExample(body: string): string {
  return `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
${body}`;
}

/** The hardened fields every kubelet example starts from. */
export const KUBELET_BASE = `authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
`;
