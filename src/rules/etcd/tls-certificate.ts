import { isLoopback, requireFlags } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { splitList } from '../../model/control-plane/flags.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'etcd',
  meta: {
    id: 'etcd/tls-certificate',
    description: 'Require etcd to serve clients over TLS (--cert-file, --key-file, https client URLs)',
    rationale:
      "etcd holds every object of the cluster, Secrets included. Without a serving certificate, or on an http:// client URL, the API server's reads and writes cross the network in clear text, and anyone on the path reads every Secret or rewrites cluster state.",
    severity: 'high',
    threats: ['network-sniffing', 'secret-theft'],
    references: ['CIS Kubernetes 2.1'],
    remediation:
      'Set `--cert-file` and `--key-file` to a serving certificate from the etcd CA and use only https:// URLs in `--listen-client-urls` and `--advertise-client-urls`.',
    related: [{ tool: 'kube-bench', id: '2.1' }],
    examples: [
      {
        bad: podExample('etcd', ['--listen-client-urls=http://0.0.0.0:2379']),
        good: podExample('etcd', [
          '--listen-client-urls=https://127.0.0.1:2379',
          '--cert-file=/etc/kubernetes/pki/etcd/server.crt',
          '--key-file=/etc/kubernetes/pki/etcd/server.key',
        ]),
      },
    ],
  },
  check(etcd, context) {
    requireFlags(context, etcd, ['cert-file', 'key-file'], 'clients talk to etcd without TLS.');
    for (const name of ['listen-client-urls', 'advertise-client-urls']) {
      const occurrence = etcd.flags.last(name);
      if (!occurrence) continue;
      const plain = splitList(occurrence.value ?? '').filter((url) => /^http:\/\//i.test(url));
      const exposed = plain.filter((url) => !isLoopback(url.replace(/^http:\/\//i, '').replace(/\/.*$/, '')));
      if (exposed.length === 0) continue;
      context.report({
        ...at(occurrence.at),
        key: name,
        message: `${etcd.label} serves clients over plain HTTP on ${exposed.join(', ')} (${etcd.setting(name)}): cluster data crosses the network unencrypted.`,
      });
    }
  },
});
