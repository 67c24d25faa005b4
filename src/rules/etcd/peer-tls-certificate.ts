import { requireFlags } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'etcd',
  meta: {
    id: 'etcd/peer-tls-certificate',
    description: 'Require TLS between etcd members (--peer-cert-file, --peer-key-file)',
    rationale:
      'Members replicate every write to each other. Without peer certificates replication runs in clear text, so anyone on the network between control-plane hosts reads every Secret as it is written.',
    severity: 'medium',
    threats: ['network-sniffing', 'secret-theft'],
    references: ['CIS Kubernetes 2.4'],
    remediation: 'Set `--peer-cert-file` and `--peer-key-file` to a certificate from the etcd CA and use https:// peer URLs.',
    related: [{ tool: 'kube-bench', id: '2.4' }],
    examples: [
      {
        bad: podExample('etcd', ['--listen-peer-urls=https://10.0.0.10:2380']),
        good: podExample('etcd', [
          '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt',
          '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key',
        ]),
      },
    ],
  },
  check(etcd, context) {
    requireFlags(context, etcd, ['peer-cert-file', 'peer-key-file'], 'replication between members is not encrypted.');
  },
});
