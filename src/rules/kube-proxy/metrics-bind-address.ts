import { isLoopback } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'kube-proxy',
  meta: {
    id: 'kube-proxy/metrics-bind-address',
    description: 'Require kube-proxy to serve metrics on the loopback interface only (metricsBindAddress)',
    rationale:
      "kube-proxy's metrics endpoint (port 10249) has no authentication. Bound to 0.0.0.0, usually to let Prometheus scrape it, it tells anyone on the node network every Service, endpoint count and sync error of the cluster, a map for lateral movement; and in some versions it also served /debug/pprof there.",
    severity: 'medium',
    threats: ['network-resource-access', 'control-plane-exposure'],
    references: ['CIS Kubernetes 4.3.1'],
    remediation:
      'Leave `metricsBindAddress` unset (127.0.0.1:10249) or set it to a loopback address, and scrape through a local authenticating proxy (kube-rbac-proxy) if metrics are needed.',
    related: [{ tool: 'kube-bench', id: '4.3.1' }],
    examples: [
      {
        bad: 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmetricsBindAddress: 0.0.0.0:10249\n',
        good: 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmetricsBindAddress: 127.0.0.1:10249\n',
      },
    ],
  },
  check(proxy, context) {
    const setting = proxy.setting('metricsBindAddress', 'metrics-bind-address');
    if (!setting) return;
    const host = setting.value.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    if (isLoopback(setting.value) || isLoopback(host)) return;
    context.report({
      ...at(setting.at),
      message: `${proxy.label} serves unauthenticated metrics on ${setting.value}: reachable beyond the node.`,
    });
  },
});
