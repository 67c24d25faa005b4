import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './host-path-mount.js';

/** One container mounting volume "host" with the given mount options, the volume at `path`. */
const pod = (path: string, mount = '', extraContainer = '') => `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  containers:
    - name: agent
      image: ghcr.io/acme/agent:1.4.0
      volumeMounts:
        - name: host
          mountPath: /host${mount}
${extraContainer}  volumes:
    - name: host
      hostPath:
        path: ${path}
`;

describe('k8s/host-path-mount', () => {
  testRule(rule, {
    valid: [
      {
        name: 'no hostPath volumes',
        code: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: nginx:1.27
  volumes:
    - name: cache
      emptyDir: {}
`,
      },
    ],
    invalid: [
      {
        name: 'the Docker socket through /var/run',
        code: pod('/var/run/docker.sock'),
        findings: [
          {
            line: 14,
            column: 7,
            severity: 'critical',
            path: '/spec/volumes/0/hostPath',
            message: /exposes \/var\/run\/docker\.sock, the Docker Engine socket \(mounted writable by container "agent"\)/,
          },
        ],
      },
      {
        name: 'a read-only socket is still critical',
        code: pod('/run/containerd/containerd.sock', '\n          readOnly: true'),
        findings: [
          {
            line: 15,
            severity: 'critical',
            message: /mounted read-only by container "agent"; read-only does not stop use of a socket/,
          },
        ],
      },
      {
        name: 'the root filesystem, even read-only (it contains the runtime sockets)',
        code: pod('/', '\n          readOnly: true'),
        findings: [{ line: 15, severity: 'critical', message: /the host's root filesystem/ }],
      },
      {
        name: 'a parent of the runtime socket directory, not normalised',
        code: pod('//var/run/'),
        findings: [{ line: 14, severity: 'critical', message: /contains the/ }],
      },
      { name: '/etc writable is high', code: pod('/etc'), findings: [{ line: 14, severity: 'high' }] },
      {
        name: '/etc read-only is medium',
        code: pod('/etc', '\n          readOnly: true'),
        findings: [{ line: 15, severity: 'medium' }],
      },
      {
        name: 'below the kubelet directory, with .. in the path',
        code: pod('/var/lib/kubelet/plugins/../pods'),
        findings: [{ line: 14, severity: 'high', message: /kubelet's state directory/ }],
      },
      {
        name: 'another path is medium',
        code: pod('/data/app'),
        findings: [{ line: 14, severity: 'medium', message: /a host path/ }],
      },
      {
        name: 'another path read-only is low',
        code: pod('/data/app', '\n          readOnly: true'),
        findings: [{ line: 15, severity: 'low' }],
      },
      {
        name: 'a file harmless to read, read-only, is info',
        code: pod('/etc/localtime', '\n          readOnly: true'),
        findings: [{ line: 15, severity: 'info', message: /exposes \/etc\/localtime, the node's time zone/ }],
      },
      {
        name: 'the same file writable is graded as a host path',
        code: pod('/etc/localtime'),
        findings: [{ line: 14, severity: 'medium' }],
      },
      {
        name: 'a subPath narrows what is exposed',
        code: pod('/', '\n          subPath: etc/timezone\n          readOnly: true'),
        findings: [{ line: 16, severity: 'info', message: /exposes \/\/etc\/timezone|exposes \/etc\/timezone/ }],
      },
      {
        name: 'an unknown Unix socket, read-only, stays high',
        code: pod('/run/app/app.sock', '\n          readOnly: true'),
        findings: [
          { line: 15, severity: 'high', message: /a Unix socket of a host service.*read-only does not stop use of a socket/ },
        ],
      },
      {
        name: 'read-only in one container, writable in another: graded by the writable mount',
        code: pod(
          '/var/log',
          '\n          readOnly: true',
          '    - name: shipper\n      image: fluent/fluent-bit:3.1\n      volumeMounts:\n        - { name: host, mountPath: /var/log }\n',
        ),
        findings: [{ line: 19, severity: 'high', message: /mounted writable by container "shipper"/ }],
      },
      {
        name: 'a volume no container mounts is graded one step lower',
        code: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: nginx:1.27
  volumes:
    - name: unused
      hostPath: { path: /proc }
`,
        findings: [{ line: 11, severity: 'medium', message: /no container mounts it yet/ }],
      },
      {
        name: 'Windows named pipe of the container runtime',
        code: pod('\\\\.\\pipe\\docker_engine'),
        findings: [{ line: 14, severity: 'critical', message: /docker_engine, the container runtime's named pipe \(/ }],
      },
    ],
  });
});

describe('k8s/host-path-mount on control-plane static pods', () => {
  const etcd = (path: string) => `apiVersion: v1
kind: Pod
metadata:
  name: etcd-cp1
  namespace: kube-system
  labels: { component: etcd, tier: control-plane }
spec:
  hostNetwork: true
  containers:
    - name: etcd
      image: registry.k8s.io/etcd:3.6.4-0
      command: [etcd, --data-dir=/var/lib/etcd]
      volumeMounts:
        - { name: data, mountPath: /var/lib/etcd }
  volumes:
    - name: data
      hostPath: { path: ${path}, type: DirectoryOrCreate }
`;
  testRule(rule, {
    valid: [],
    invalid: [
      {
        name: "etcd's own data directory, written by design: info",
        code: etcd('/var/lib/etcd'),
        findings: [{ line: 17, severity: 'info', message: /to the etcd static pod, which needs it by design/ }],
      },
      {
        name: 'a path the component does not need keeps its grade',
        code: etcd('/var/run/docker.sock'),
        findings: [{ line: 17, severity: 'critical' }],
      },
    ],
  });
});
