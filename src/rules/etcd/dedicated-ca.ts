import { requireFlags } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { planeOf } from '../../model/control-plane/index.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'etcd',
  meta: {
    id: 'etcd/dedicated-ca',
    description: 'Require etcd to trust a CA of its own, not the cluster CA (--trusted-ca-file)',
    rationale:
      'etcd accepts every client certificate its trusted CA signed. When that is the cluster CA that the API server uses for --client-ca-file, every kubelet, every administrator certificate and every component certificate can also talk to etcd directly, skipping RBAC and audit.',
    severity: 'medium',
    threats: ['control-plane-exposure', 'secret-theft'],
    references: ['CIS Kubernetes 2.7'],
    remediation:
      'Create a separate CA for etcd (kubeadm: /etc/kubernetes/pki/etcd/ca.crt), set `--trusted-ca-file` to it, and issue from it only the etcd server, peer and API server client certificates.',
    related: [{ tool: 'kube-bench', id: '2.7' }],
    examples: [
      {
        bad: podExample('etcd', ['--client-cert-auth=true']),
        good: podExample('etcd', ['--client-cert-auth=true', '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt']),
      },
    ],
  },
  check(etcd, context) {
    const trusted = etcd.flags.last('trusted-ca-file');
    if (!trusted?.value) {
      requireFlags(context, etcd, ['trusted-ca-file'], 'client certificates are not verified against a dedicated etcd CA.');
      return;
    }
    for (const apiserver of planeOf(etcd)?.of('kube-apiserver') ?? []) {
      const clientCa = apiserver.flags.value('client-ca-file');
      if (clientCa === undefined || clientCa !== trusted.value) continue;
      context.report({
        ...at(trusted.at),
        message: `${etcd.label} trusts ${trusted.value}, the same CA that ${apiserver.label} uses for client certificates: every cluster client certificate can talk to etcd directly.`,
      });
      return;
    }
  },
});
