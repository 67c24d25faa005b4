/**
 * Coverage of the CIS Kubernetes Benchmark (v1.12, the newest kube-bench ships) by greenbelt's
 * configuration checks, generated from the rule registry: a check is covered when a rule names
 * it in its references (`CIS Kubernetes 1.2.1`). Checks no configuration file can decide carry
 * the reason. A conformance test compares the ids with kube-bench's definitions.
 */
import type { AnyRule } from '../rules/types.js';

export interface CisCheck {
  id: string;
  title: string;
  /** Why no rule decides it from configuration files (absent for decidable checks). */
  notDecidable?: string;
}

const FILE_PERMISSIONS = 'file mode or ownership on the host: not written in any configuration file; audit the node (kube-bench)';

const permission = (id: string, title: string): CisCheck => ({ id, title, notDecidable: FILE_PERMISSIONS });

/** The checks of CIS Kubernetes Benchmark v1.12 (sections 1 to 4; section 5 is cluster policy). */
export const CIS_1_12: readonly CisCheck[] = [
  permission('1.1.1', 'API server pod specification file permissions 600'),
  permission('1.1.2', 'API server pod specification file ownership root:root'),
  permission('1.1.3', 'controller manager pod specification file permissions 600'),
  permission('1.1.4', 'controller manager pod specification file ownership root:root'),
  permission('1.1.5', 'scheduler pod specification file permissions 600'),
  permission('1.1.6', 'scheduler pod specification file ownership root:root'),
  permission('1.1.7', 'etcd pod specification file permissions 600'),
  permission('1.1.8', 'etcd pod specification file ownership root:root'),
  permission('1.1.9', 'CNI file permissions 600'),
  permission('1.1.10', 'CNI file ownership root:root'),
  permission('1.1.11', 'etcd data directory permissions 700'),
  permission('1.1.12', 'etcd data directory ownership etcd:etcd'),
  permission('1.1.13', 'admin.conf and super-admin.conf permissions 600'),
  permission('1.1.14', 'admin.conf and super-admin.conf ownership root:root'),
  permission('1.1.15', 'scheduler.conf permissions 600'),
  permission('1.1.16', 'scheduler.conf ownership root:root'),
  permission('1.1.17', 'controller-manager.conf permissions 600'),
  permission('1.1.18', 'controller-manager.conf ownership root:root'),
  permission('1.1.19', 'PKI directory and file ownership root:root'),
  permission('1.1.20', 'PKI certificate file permissions 644'),
  permission('1.1.21', 'PKI key file permissions 600'),
  { id: '1.2.1', title: '--anonymous-auth=false' },
  { id: '1.2.2', title: '--token-auth-file not set' },
  { id: '1.2.3', title: 'DenyServiceExternalIPs admission plugin' },
  { id: '1.2.4', title: '--kubelet-client-certificate and --kubelet-client-key' },
  { id: '1.2.5', title: '--kubelet-certificate-authority' },
  { id: '1.2.6', title: '--authorization-mode not AlwaysAllow' },
  { id: '1.2.7', title: '--authorization-mode includes Node' },
  { id: '1.2.8', title: '--authorization-mode includes RBAC' },
  { id: '1.2.9', title: 'EventRateLimit admission plugin' },
  { id: '1.2.10', title: 'AlwaysAdmit admission plugin not set' },
  { id: '1.2.11', title: 'AlwaysPullImages admission plugin' },
  { id: '1.2.12', title: 'ServiceAccount admission plugin' },
  { id: '1.2.13', title: 'NamespaceLifecycle admission plugin' },
  { id: '1.2.14', title: 'NodeRestriction admission plugin' },
  { id: '1.2.15', title: '--profiling=false' },
  { id: '1.2.16', title: '--audit-log-path' },
  { id: '1.2.17', title: '--audit-log-maxage 30 or more' },
  { id: '1.2.18', title: '--audit-log-maxbackup 10 or more' },
  { id: '1.2.19', title: '--audit-log-maxsize 100 or more' },
  {
    id: '1.2.20',
    title: '--request-timeout as appropriate',
    notDecidable: 'no threshold: the benchmark leaves the value to judgement and sets no failing condition',
  },
  { id: '1.2.21', title: '--service-account-lookup=true' },
  { id: '1.2.22', title: '--service-account-key-file' },
  { id: '1.2.23', title: '--etcd-certfile and --etcd-keyfile' },
  { id: '1.2.24', title: '--tls-cert-file and --tls-private-key-file' },
  { id: '1.2.25', title: '--client-ca-file' },
  { id: '1.2.26', title: '--etcd-cafile' },
  { id: '1.2.27', title: '--encryption-provider-config' },
  { id: '1.2.28', title: 'encryption providers appropriately configured' },
  { id: '1.2.29', title: 'strong TLS cipher suites' },
  { id: '1.2.30', title: '--service-account-extend-token-expiration=false' },
  { id: '1.3.1', title: '--terminated-pod-gc-threshold' },
  { id: '1.3.2', title: 'controller manager --profiling=false' },
  { id: '1.3.3', title: '--use-service-account-credentials=true' },
  { id: '1.3.4', title: '--service-account-private-key-file' },
  { id: '1.3.5', title: '--root-ca-file' },
  { id: '1.3.6', title: 'RotateKubeletServerCertificate not false' },
  { id: '1.3.7', title: 'controller manager --bind-address=127.0.0.1' },
  { id: '1.4.1', title: 'scheduler --profiling=false' },
  { id: '1.4.2', title: 'scheduler --bind-address=127.0.0.1' },
  { id: '2.1', title: 'etcd --cert-file and --key-file' },
  { id: '2.2', title: 'etcd --client-cert-auth=true' },
  { id: '2.3', title: 'etcd --auto-tls not true' },
  { id: '2.4', title: 'etcd --peer-cert-file and --peer-key-file' },
  { id: '2.5', title: 'etcd --peer-client-cert-auth=true' },
  { id: '2.6', title: 'etcd --peer-auto-tls not true' },
  { id: '2.7', title: 'a unique CA for etcd' },
  {
    id: '3.1.1',
    title: 'client certificates not used for users',
    notDecidable: 'depends on who holds which credential, which no configuration file records',
  },
  {
    id: '3.1.2',
    title: 'service account tokens not used for users',
    notDecidable: 'depends on who holds which credential, which no configuration file records',
  },
  {
    id: '3.1.3',
    title: 'bootstrap tokens not used for users',
    notDecidable: 'depends on who holds which credential, which no configuration file records',
  },
  { id: '3.2.1', title: 'a minimal audit policy exists' },
  { id: '3.2.2', title: 'the audit policy covers key security concerns' },
  permission('4.1.1', 'kubelet service file permissions 600'),
  permission('4.1.2', 'kubelet service file ownership root:root'),
  permission('4.1.3', 'proxy kubeconfig permissions 600'),
  permission('4.1.4', 'proxy kubeconfig ownership root:root'),
  permission('4.1.5', 'kubelet.conf permissions 600'),
  permission('4.1.6', 'kubelet.conf ownership root:root'),
  permission('4.1.7', 'client CA file permissions 644'),
  permission('4.1.8', 'client CA file ownership root:root'),
  permission('4.1.9', 'kubelet config.yaml permissions 600'),
  permission('4.1.10', 'kubelet config.yaml ownership root:root'),
  { id: '4.2.1', title: 'kubelet anonymous authentication off' },
  { id: '4.2.2', title: 'kubelet authorization not AlwaysAllow' },
  { id: '4.2.3', title: 'kubelet client CA file' },
  { id: '4.2.4', title: 'kubelet read-only port 0' },
  { id: '4.2.5', title: 'streaming connection idle timeout not 0' },
  { id: '4.2.6', title: 'make-iptables-util-chains true' },
  { id: '4.2.7', title: '--hostname-override not set' },
  {
    id: '4.2.8',
    title: 'eventRecordQPS at an appropriate level',
    notDecidable: "no threshold: every value, 0 (unlimited) included, passes the benchmark's own test",
  },
  { id: '4.2.9', title: 'kubelet TLS certificate and key' },
  { id: '4.2.10', title: 'rotate-certificates not false' },
  { id: '4.2.11', title: 'RotateKubeletServerCertificate not false' },
  { id: '4.2.12', title: 'kubelet strong TLS cipher suites' },
  { id: '4.2.13', title: 'pod PID limit' },
  { id: '4.2.14', title: 'seccompDefault true' },
  { id: '4.3.1', title: 'kube-proxy metrics bound to localhost' },
];

/** Rules that implement a CIS check, by check id. */
export function cisCoverage(rules: readonly AnyRule[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const rule of rules) {
    for (const reference of rule.meta.references) {
      const match = /^CIS Kubernetes (\d+(?:\.\d+)+)$/.exec(reference);
      if (!match) continue;
      const list = out.get(match[1] as string) ?? [];
      list.push(rule.meta.id);
      out.set(match[1] as string, list);
    }
  }
  return out;
}

export function generatedCisCoverage(rules: readonly AnyRule[]): Map<string, string> {
  const coverage = cisCoverage(rules);
  const lines = [
    '# CIS Kubernetes Benchmark coverage',
    '',
    'Generated by `npm run gen` from the rule registry: a check is covered when a rule names it in its',
    'references. Benchmark version 1.12 (the newest kube-bench ships, for Kubernetes 1.32 to 1.34);',
    'section 5 (policies) is covered by the manifest rules, not listed here. See',
    '[control-plane.md](../control-plane.md) for what the control-plane rules read.',
    '',
  ];
  const covered = CIS_1_12.filter((c) => (coverage.get(c.id) ?? []).length > 0).length;
  const decidable = CIS_1_12.filter((c) => !c.notDecidable).length;
  lines.push(`${covered} of ${CIS_1_12.length} checks covered (${decidable} can be decided from configuration files).`, '');
  lines.push('| CIS | Check | greenbelt rules |', '| --- | --- | --- |');
  for (const check of CIS_1_12) {
    const rulesFor = coverage.get(check.id) ?? [];
    const cell =
      rulesFor.length > 0
        ? rulesFor.map((id) => `[\`${id}\`](${id}.md)`).join(', ')
        : check.notDecidable
          ? `not covered: ${check.notDecidable}`
          : '**missing**';
    lines.push(`| ${check.id} | ${check.title.replace(/\|/g, '\\|')} | ${cell} |`);
  }
  return new Map([['docs/rules/cis-kubernetes.md', `${lines.join('\n')}\n`]]);
}
