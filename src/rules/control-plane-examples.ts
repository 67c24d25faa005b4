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

/** A kubeadm-style kubelet systemd drop-in (`kubelet.service.d/10-kubeadm.conf`) with extra flags. */
export function dropInExample(flags: readonly string[]): string {
  return `[Service]
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
ExecStart=
ExecStart=/usr/bin/kubelet $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS${flags.map((f) => ` ${f}`).join('')}
`;
}

export const DROP_IN_FILENAME = 'kubelet.service.d/10-kubeadm.conf';

/** Example keys for documentation (random, published, never to be used). */
export const EXAMPLE_KEYS = {
  a: 'qkkNItSpNNagR7UCVrRUozYfH4U8cWpWuFaMbaFHMWQ=',
  b: 'JB5ufKY6xkceIynyhUqfF1cVAwIt/+q7wNMp3uvZy1s=',
  c: 'y2d/z9Y6MTxOkD3Ydc3Qr5P5V72jv2s1ZCXPqWW74SM=',
};

/** An EncryptionConfiguration for one resource list with the given providers (YAML list items, 6-space indented). */
export function encryptionExample(resources: readonly string[], providers: string): string {
  return `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
${resources.map((r) => `      - ${r}`).join('\n')}
    providers:
${providers}`;
}

export const SECRETBOX_PROVIDERS = `      - secretbox:
          keys:
            - name: key1
              secret: ${EXAMPLE_KEYS.a}
      - identity: {}
`;
