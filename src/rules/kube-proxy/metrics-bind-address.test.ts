import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './metrics-bind-address.js';

const config = (address: string) =>
  `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: iptables\n${address}`;
const daemonSet = (flag: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: kube-proxy
  namespace: kube-system
spec:
  selector:
    matchLabels: { k8s-app: kube-proxy }
  template:
    metadata:
      labels: { k8s-app: kube-proxy }
    spec:
      containers:
        - name: kube-proxy
          image: registry.k8s.io/kube-proxy:v1.34.1
          command:
            - /usr/local/bin/kube-proxy
            - --config=/var/lib/kube-proxy/config.conf
            - ${flag}
`;

describe('kube-proxy/metrics-bind-address', () => {
  testRule(rule, {
    valid: [
      { name: 'unset: the default is 127.0.0.1:10249', code: config('') },
      { name: 'loopback', code: config('metricsBindAddress: 127.0.0.1:10249\n') },
      { name: 'IPv6 loopback', code: config('metricsBindAddress: "[::1]:10249"\n') },
      { name: 'container flag on loopback', code: daemonSet('--metrics-bind-address=127.0.0.1:10249') },
    ],
    invalid: [
      {
        name: 'all interfaces in the config',
        code: config('metricsBindAddress: 0.0.0.0:10249\n'),
        findings: [{ line: 4, message: /on 0.0.0.0:10249/ }],
      },
      {
        name: 'all interfaces on the command line',
        code: daemonSet('--metrics-bind-address=0.0.0.0:10249'),
        findings: [{ line: 19 }],
      },
    ],
  });
});
