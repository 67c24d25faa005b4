/**
 * Test fixtures for control-plane rules: static pod manifests built from a flag list, with a
 * hardened baseline per component that every rule accepts, and a helper to find the line of a
 * flag in the generated text.
 */

export const SECURE_APISERVER_FLAGS: readonly string[] = [
  '--advertise-address=10.0.0.10',
  '--allow-privileged=true',
  '--anonymous-auth=false',
  '--authorization-mode=Node,RBAC',
  '--client-ca-file=/etc/kubernetes/pki/ca.crt',
  '--enable-admission-plugins=NodeRestriction,EventRateLimit,AlwaysPullImages,DenyServiceExternalIPs',
  '--admission-control-config-file=/etc/kubernetes/admission/config.yaml',
  '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt',
  '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt',
  '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key',
  '--etcd-servers=https://127.0.0.1:2379',
  '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt',
  '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key',
  '--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt',
  '--profiling=false',
  '--audit-log-path=/var/log/kubernetes/audit/audit.log',
  '--audit-log-maxage=30',
  '--audit-log-maxbackup=10',
  '--audit-log-maxsize=100',
  '--audit-policy-file=/etc/kubernetes/audit/policy.yaml',
  '--service-account-key-file=/etc/kubernetes/pki/sa.pub',
  '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key',
  '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
  '--service-account-lookup=true',
  '--service-account-extend-token-expiration=false',
  '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
  '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
  '--tls-cipher-suites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  '--encryption-provider-config=/etc/kubernetes/enc/encryption-config.yaml',
  '--encryption-provider-config-automatic-reload=true',
  '--secure-port=6443',
];

const APISERVER_MOUNTS: readonly [string, string][] = [
  ['k8s-certs', '/etc/kubernetes/pki'],
  ['enc', '/etc/kubernetes/enc'],
  ['audit-log', '/var/log/kubernetes/audit'],
  ['audit-policy', '/etc/kubernetes/audit'],
  ['admission', '/etc/kubernetes/admission'],
];

export const SECURE_ETCD_FLAGS: readonly string[] = [
  '--name=cp1',
  '--data-dir=/var/lib/etcd',
  '--listen-client-urls=https://127.0.0.1:2379,https://10.0.0.10:2379',
  '--advertise-client-urls=https://10.0.0.10:2379',
  '--listen-peer-urls=https://10.0.0.10:2380',
  '--cert-file=/etc/kubernetes/pki/etcd/server.crt',
  '--key-file=/etc/kubernetes/pki/etcd/server.key',
  '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
  '--client-cert-auth=true',
  '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt',
  '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key',
  '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
  '--peer-client-cert-auth=true',
];

export const SECURE_CONTROLLER_MANAGER_FLAGS: readonly string[] = [
  '--bind-address=127.0.0.1',
  '--kubeconfig=/etc/kubernetes/controller-manager.conf',
  '--profiling=false',
  '--root-ca-file=/etc/kubernetes/pki/ca.crt',
  '--service-account-private-key-file=/etc/kubernetes/pki/sa.key',
  '--terminated-pod-gc-threshold=100',
  '--use-service-account-credentials=true',
];

export const SECURE_SCHEDULER_FLAGS: readonly string[] = [
  '--bind-address=127.0.0.1',
  '--kubeconfig=/etc/kubernetes/scheduler.conf',
  '--profiling=false',
];

export type Component = 'kube-apiserver' | 'etcd' | 'kube-controller-manager' | 'kube-scheduler';

const BASELINES: Record<Component, readonly string[]> = {
  'kube-apiserver': SECURE_APISERVER_FLAGS,
  etcd: SECURE_ETCD_FLAGS,
  'kube-controller-manager': SECURE_CONTROLLER_MANAGER_FLAGS,
  'kube-scheduler': SECURE_SCHEDULER_FLAGS,
};

/** The line (1-based) of a command list in `staticPod` output. */
export const COMMAND_LINE = 14;

/**
 * The baseline flags of a component with changes: `set` replaces (or adds) `--name=value`, a
 * value of null removes every `--name` flag.
 */
export function flagsWith(component: Component, set: Record<string, string | null> = {}): string[] {
  const out = BASELINES[component].filter((flag) => {
    const name = flag.replace(/^--/, '').split('=')[0] as string;
    return !(name in set);
  });
  for (const [name, value] of Object.entries(set)) if (value !== null) out.push(`--${name}=${value}`);
  return out;
}

export interface StaticPodOptions {
  /** Flags after the program name (default: the component's hardened baseline). */
  flags?: readonly string[];
  /** Mounts added to the container (default: the API server's baseline mounts). */
  mounts?: readonly [string, string][];
  /** Extra container fields, indented 6 spaces (for example env). */
  containerExtra?: string;
}

/** A kubeadm-style static pod manifest. The first flag is on line 16. */
export function staticPod(component: Component, options: StaticPodOptions = {}): string {
  const flags = options.flags ?? BASELINES[component];
  const mounts = options.mounts ?? (component === 'kube-apiserver' ? APISERVER_MOUNTS : []);
  const lines = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${component}-cp1`,
    '  namespace: kube-system',
    '  labels:',
    `    component: ${component}`,
    '    tier: control-plane',
    'spec:',
    '  hostNetwork: true',
    '  containers:',
    `    - name: ${component}`,
    `      image: registry.k8s.io/${component}:v1.34.1`,
    '      command:',
    `        - ${component}`,
    ...flags.map((flag) => `        - ${quote(flag)}`),
  ];
  if (options.containerExtra) lines.push(options.containerExtra.replace(/\n$/, ''));
  if (mounts.length > 0) {
    lines.push('      volumeMounts:');
    for (const [name, path] of mounts)
      lines.push(`        - name: ${name}`, `          mountPath: ${path}`, '          readOnly: true');
    lines.push('  volumes:');
    for (const [name, path] of mounts) {
      lines.push(`    - name: ${name}`, '      hostPath:', `        path: ${path}`, '        type: DirectoryOrCreate');
    }
  }
  return `${lines.join('\n')}\n`;
}

function quote(flag: string): string {
  return /[:#{}[\],&*!|>'"%@`]|^-\s/.test(flag.replace(/^--[a-z0-9-]+=/, '')) && !/^[-\w./=,:]+$/.test(flag)
    ? JSON.stringify(flag)
    : flag;
}

/** The 1-based line of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index === -1) throw new Error(`"${needle}" is not in the text`);
  return index + 1;
}

/** A hardened KubeletConfiguration every kubelet rule accepts (one field per line; see the line numbers). */
export const SECURE_KUBELET_CONFIG = `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
readOnlyPort: 0
rotateCertificates: true
serverTLSBootstrap: true
protectKernelDefaults: true
seccompDefault: true
podPidsLimit: 4096
makeIPTablesUtilChains: true
tlsCipherSuites:
  - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
  - TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
`;

/** The secure config with one line replaced (`from` must occur once). */
export function kubeletConfigWith(from: string, to: string): string {
  if (!SECURE_KUBELET_CONFIG.includes(from)) throw new Error(`"${from}" is not in the config`);
  return SECURE_KUBELET_CONFIG.replace(from, to);
}

/** A kubelet systemd drop-in whose ExecStart (line 3) runs the kubelet with these flags. */
export function kubeletDropIn(flags: readonly string[]): string {
  return `[Service]\nExecStart=\nExecStart=/usr/bin/kubelet ${flags.join(' ')}\n`;
}

export const KUBELET_DROP_IN = 'etc/systemd/system/kubelet.service.d/10-kubeadm.conf';

/** Random 32-byte keys for tests (published; never use them). */
export const TEST_KEYS = {
  a: 'qkkNItSpNNagR7UCVrRUozYfH4U8cWpWuFaMbaFHMWQ=',
  b: 'JB5ufKY6xkceIynyhUqfF1cVAwIt/+q7wNMp3uvZy1s=',
  c: 'y2d/z9Y6MTxOkD3Ydc3Qr5P5V72jv2s1ZCXPqWW74SM=',
  d: 'zwbCEqWxUUK3nd9zadC8HYAea5fPQGHple9rcBLQIww=',
  aes128: 'LOkNgTMNHMpsW7Tdb74+ZA==',
};

/**
 * An EncryptionConfiguration whose first entry lists `resources` (line 5 on) and then the given
 * provider lines (each indented six spaces as list items).
 */
export function encryptionConfig(resources: readonly string[], providers: string): string {
  return `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
${resources.map((r) => `      - ${r}`).join('\n')}
    providers:
${providers.replace(/\n?$/, '\n')}`;
}

export const SECRETBOX_FIRST = `      - secretbox:
          keys:
            - name: key1
              secret: ${TEST_KEYS.a}
      - identity: {}`;
