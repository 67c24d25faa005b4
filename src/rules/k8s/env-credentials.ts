import { detectSecret, detectSecretFormat, isCredentialName, redact } from '../../analyzers/secrets.js';
import { asArray, asObject, asString } from '../../model/k8s.js';
import type { Container } from '../../model/workload.js';
import { defineRule, type RuleContext } from '../types.js';
import { capitalise, containerLabel } from './_pod.js';

export default defineRule({
  target: 'workload',
  meta: {
    id: 'k8s/env-credentials',
    description: 'Disallow literal credentials in container environment variables and arguments',
    rationale:
      'A password, token or key written into a manifest is in the repository history for good, in every clone, CI log and rendered chart, readable by anyone who can `kubectl get` the workload (no Secret RBAC needed), and in the environment of every process of the container. Rotating it means rewriting history. Values are recognised by known token formats (cloud keys, GitHub and Slack tokens, private keys, URLs with passwords) or by a credential name with a real-looking value; placeholders and `$(VAR)` references are ignored, and the value is never printed.',
    severity: 'high',
    threats: ['secret-theft'],
    references: ['CIS Kubernetes 5.4.1', 'NSA/CISA Kubernetes Hardening: secrets', 'CWE-798: Use of Hard-coded Credentials'],
    remediation:
      'Revoke and rotate the credential, move it into a Secret created outside the repository (External Secrets, Sealed Secrets, SOPS, Vault), and mount that Secret as a file.',
    related: [
      { tool: 'kube-linter', id: 'env-var-secret' },
      { tool: 'kubescape', id: 'C-0012' },
      { tool: 'polaris', id: 'sensitiveContainerEnvVar' },
    ],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:2.3.1
      env:
        - name: AWS_ACCESS_KEY_ID
          value: AKIAIOSFODNN7EXAMPLE
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:2.3.1
      env:
        - name: AWS_REGION
          value: eu-west-1
`,
      },
    ],
  },
  check(workload, context) {
    for (const container of workload.containers) {
      asArray(container.value.env).forEach((raw, index) => {
        const env = asObject(raw);
        const name = asString(env?.name);
        const value = env?.value;
        if (name === undefined || (typeof value !== 'string' && typeof value !== 'number')) return;
        const match = detectSecret(name, value);
        if (!match) return;
        context.report({
          path: [...container.path, 'env', index, 'value'],
          evidence: [`${match.kind} (${match.confidence === 'format' ? 'recognised token format' : 'credential name'})`],
          message: `${capitalise(containerLabel(container))} sets environment variable ${JSON.stringify(name)} to a literal ${match.kind} ${redact(value)} written in the manifest.`,
        });
      });
      for (const field of ['command', 'args'] as const) checkArguments(container, field, context);
    }
  },
});

/** `--db-password=s3cret`, `--token s3cret`, or a known token format anywhere in an argument. */
function checkArguments(container: Container, field: 'command' | 'args', context: RuleContext): void {
  const list = asArray(container.value[field]);
  list.forEach((raw, index) => {
    if (typeof raw !== 'string') return;
    let kind: string | undefined;
    let value: string = raw;
    const flag = /^--?([A-Za-z][\w.-]*)=(.*)$/s.exec(raw);
    const previous = index > 0 ? list[index - 1] : undefined;
    if (flag) {
      value = flag[2] ?? '';
      kind = detectSecret(flag[1] ?? '', value)?.kind;
    } else if (
      typeof previous === 'string' &&
      /^--?[A-Za-z][\w.-]*$/.test(previous) &&
      isCredentialName(previous.replace(/^-+/, ''))
    ) {
      kind = detectSecret(previous.replace(/^-+/, ''), raw)?.kind;
    } else if (/\s/.test(raw)) {
      // A shell command line: `sh -c "mysql --password=s3cret ..."`.
      for (const token of raw.split(/\s+/)) {
        const inline = /^--?([A-Za-z][\w.-]*)=(.+)$/s.exec(token.replace(/^["']|["';]$/g, ''));
        const match = inline ? detectSecret(inline[1] ?? '', inline[2] ?? '') : undefined;
        if (match) {
          kind = match.kind;
          value = inline?.[2] ?? '';
          break;
        }
      }
      if (kind === undefined) kind = detectSecretFormat(raw);
    } else {
      kind = detectSecretFormat(raw);
    }
    if (kind === undefined) return;
    context.report({
      path: [...container.path, field, index],
      message: `${capitalise(containerLabel(container))} passes a literal ${kind} ${redact(value)} in ${field}[${index}], visible in the manifest and in the process list.`,
    });
  });
}
