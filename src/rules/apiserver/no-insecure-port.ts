import { isLoopback, reportFlag } from '../../analyzers/control-plane.js';
import { versionAtLeast } from '../../model/control-plane/flags.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/no-insecure-port',
    description: "Disallow the API server's insecure HTTP port (--insecure-port, --port, --insecure-bind-address)",
    rationale:
      'Before Kubernetes 1.20 the API server also served plain HTTP (port 8080 by default) with no authentication and no authorization: any process that reached it was cluster-admin. From 1.20 the port can only be 0, and from 1.24 the flags are gone and the API server refuses to start when they are given.',
    severity: 'high',
    threats: ['control-plane-exposure'],
    references: ['CIS Kubernetes 1.6.0: 1.2.18, 1.2.19', 'Kubernetes 1.20 release notes: insecure serving removed'],
    remediation: 'Before 1.20 set `--insecure-port=0` and remove `--insecure-bind-address`; from 1.24 remove the flags entirely.',
    related: [{ tool: 'kube-bench', id: '1.2.19' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--insecure-port=8080']),
        good: podExample('kube-apiserver', ['--secure-port=6443']),
      },
    ],
  },
  check(apiserver, context) {
    const version = context.settings.kubernetesVersion;
    const flags = apiserver.flags;
    const portFlag = flags.has('insecure-port') ? 'insecure-port' : flags.has('port') ? 'port' : undefined;
    const bindFlag = flags.has('insecure-bind-address') ? 'insecure-bind-address' : flags.has('address') ? 'address' : undefined;
    if (versionAtLeast(version, '1.24')) {
      for (const name of [portFlag, bindFlag]) {
        if (!name) continue;
        reportFlag(
          context,
          apiserver,
          name,
          `${apiserver.label} sets --${name}, which Kubernetes ${version} no longer knows: the API server refuses to start.`,
          {
            key: name,
          },
        );
      }
      return;
    }
    const port = portFlag ? flags.integer(portFlag) : versionAtLeast(version, '1.20') ? 0 : 8080;
    if (port === 0) return;
    if (versionAtLeast(version, '1.20')) {
      reportFlag(
        context,
        apiserver,
        portFlag ?? 'insecure-port',
        `${apiserver.label} sets --${portFlag}=${port}: from 1.20 only 0 is allowed and the API server refuses to start.`,
      );
      return;
    }
    const address = bindFlag ? (flags.value(bindFlag) ?? '') : '127.0.0.1';
    const exposure = isLoopback(address) ? `on ${address}, to every process on the host` : `on ${address}, to the network`;
    reportFlag(
      context,
      apiserver,
      portFlag ?? 'insecure-port',
      `${apiserver.label} serves unauthenticated, unauthorized HTTP on port ${port ?? '?'} ${exposure}${portFlag ? '' : ' (the default before 1.20)'}: whoever reaches it is cluster-admin.`,
    );
  },
});
