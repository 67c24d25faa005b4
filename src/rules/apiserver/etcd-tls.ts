import { requireFlags } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { splitList } from '../../model/control-plane/flags.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/etcd-tls',
    description: 'Require TLS with a verified CA between the API server and etcd (--etcd-cafile, https etcd servers)',
    rationale:
      'Every object the cluster stores, Secrets included, travels between the API server and etcd. Over http:// it is readable and modifiable by anyone on the path; over https:// without --etcd-cafile the API server does not know whom it talks to, so an impostor etcd can feed it a forged cluster state.',
    severity: 'high',
    threats: ['network-sniffing', 'secret-theft'],
    references: ['CIS Kubernetes 1.2.26', 'CIS Kubernetes 1.2.23'],
    remediation:
      'List only https:// URLs in `--etcd-servers` and set `--etcd-cafile` to the CA that signed the etcd serving certificates.',
    related: [{ tool: 'kube-bench', id: '1.2.26' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--etcd-servers=http://10.0.0.5:2379']),
        good: podExample('kube-apiserver', [
          '--etcd-servers=https://10.0.0.5:2379',
          '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt',
        ]),
      },
    ],
  },
  check(apiserver, context) {
    for (const occurrence of apiserver.flags.all('etcd-servers')) {
      const plain = splitList(occurrence.value ?? '').filter((url) => /^http:\/\//i.test(url));
      if (plain.length === 0) continue;
      context.report({
        ...at(occurrence.at),
        key: 'http',
        message: `${apiserver.label} talks to etcd over plain HTTP (${plain.join(', ')}): every object, Secrets included, crosses the network unencrypted and unauthenticated.`,
      });
    }
    requireFlags(
      context,
      apiserver,
      ['etcd-cafile'],
      'it does not verify the etcd server certificate, so an impostor etcd can serve forged state.',
    );
  },
});
