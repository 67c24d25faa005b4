import { detectSecretFormat, findEmbeddedSecrets, isPlaceholder, redact } from '../../analyzers/secrets.js';
import { asObject, asString, type K8sObject } from '../../model/k8s.js';
import { defineRule, type RuleContext } from '../types.js';
import { lineLocator } from './_pod.js';

export default defineRule({
  target: 'k8s',
  meta: {
    id: 'k8s/secret-data',
    description: 'Disallow Secret objects committed with their data',
    rationale:
      'A Secret manifest holds its values in plain text or base64, which is an encoding, not encryption. Committed, the values are in the repository history for good: every clone, fork, CI runner and backup has them, and rotating means rewriting history. Keys whose value is a reference to be filled in at deploy time (Helm `{{ ... }}` or envsubst `$VAR` references), SOPS-encrypted values, empty values and public certificates are not reported; placeholder-looking values are reported as medium, because they are deployed exactly as written unless something replaces them. Values are never printed.',
    severity: 'high',
    threats: ['secret-theft'],
    references: ['NSA/CISA Kubernetes Hardening: secrets', 'CIS Kubernetes 5.4.2', 'CWE-798: Use of Hard-coded Credentials'],
    remediation:
      'Remove the Secret from the repository and rotate its values. Create it at deploy time from a secret store (External Secrets Operator, Vault, a cloud secret manager), or commit it encrypted (Sealed Secrets, SOPS).',
    related: [{ tool: 'kubescape', id: 'C-0012' }],
    examples: [
      {
        bad: `apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
stringData:
  password: Zq8-vN2xL4pR
`,
        good: `apiVersion: v1
kind: Secret
metadata:
  name: db-token
  annotations:
    kubernetes.io/service-account.name: db
type: kubernetes.io/service-account-token
`,
      },
    ],
  },
  check(object, context) {
    if (object.kind !== 'Secret' || object.group !== '') return;
    const type = asString(object.value.type) ?? 'Opaque';
    const sops = asObject(object.value.sops) !== undefined;
    for (const field of ['data', 'stringData'] as const) {
      const map = asObject(object.value[field]);
      if (!map) continue;
      for (const [key, raw] of Object.entries(map)) {
        if (raw === null || raw === undefined) continue;
        const written = String(raw);
        if (written.trim() === '' || (sops && written.startsWith('ENC['))) continue;
        const decoded = field === 'data' ? decodeBase64(written) : written;
        if (decoded === undefined || isReference(decoded) || isPublicMaterial(decoded)) continue;
        if (decoded.includes('\n') && !/PRIVATE KEY/.test(decoded)) {
          reportEmbedded(context, object, field, key, type, decoded);
          continue;
        }
        const format = detectSecretFormat(decoded);
        const identifier = !format && isIdentifierKey(key);
        const placeholder = !format && !identifier && isPlaceholder(decoded);
        const note = identifier
          ? ', an identifier rather than a credential, but it tells an attacker where and as whom to log in'
          : placeholder
            ? ', a placeholder-looking value that is deployed as written unless something replaces it'
            : '';
        context.report({
          path: [field, key],
          ...(identifier ? { severity: 'low' as const } : placeholder ? { severity: 'medium' as const } : {}),
          message: `Secret ${JSON.stringify(object.name)} (type ${type}) commits key ${JSON.stringify(key)} in ${field}: ${redact(decoded)}${note}. Anyone who can read the repository has it.`,
        });
      }
    }
  },
});

/** Keys that name where or as whom to connect, not a credential: username, apiAddress, accountname. */
const IDENTIFIER_SUFFIX =
  /(user|username|login|name|host|hostname|port|database|dbname|schema|endpoint|address|url|uri|server|region|namespace|bucket|email)$/i;

function isIdentifierKey(key: string): boolean {
  return IDENTIFIER_SUFFIX.test(key.replace(/[-_.](in|out)$/i, '').replace(/[-_.]/g, ''));
}

/**
 * A configuration file committed in a Secret: each credential recognised in it is reported on its
 * line; a file with none recognised is reported once, low (it is still committed secret data).
 */
function reportEmbedded(context: RuleContext, object: K8sObject, field: string, key: string, type: string, text: string): void {
  const found = findEmbeddedSecrets(text);
  const secret = JSON.stringify(object.name);
  if (found.length === 0) {
    // Formats that span lines: a registry auth file, a cloud service account key.
    const whole = detectSecretFormat(text);
    if (whole) {
      context.report({
        path: [field, key],
        message: `Secret ${secret} (type ${type}) commits the file ${JSON.stringify(key)} in ${field}, a ${whole} ${redact(text)}. Anyone who can read the repository has it.`,
      });
      return;
    }
    context.report({
      path: [field, key],
      severity: 'low',
      message: `Secret ${secret} (type ${type}) commits the file ${JSON.stringify(key)} in ${field} (${redact(text)}); no credential was recognised in it, but whatever is added to it later is committed too.`,
    });
    return;
  }
  // Lines of stringData block scalars can be pointed at; base64 data cannot.
  const locate = field === 'stringData' ? lineLocator(object, [field, key]) : () => undefined;
  for (const entry of found) {
    const setting = entry.name === '' ? ' holds' : ` sets ${JSON.stringify(entry.name)} to`;
    const range = locate(entry.lineText);
    context.report({
      path: [field, key],
      ...(range ? { range } : {}),
      key: `${entry.line}:${entry.name}`,
      message: `Secret ${secret} (type ${type}) commits the file ${JSON.stringify(key)} in ${field}; line ${entry.line + 1}${setting} a literal ${entry.match.kind} ${redact(entry.value)}. Anyone who can read the repository has it.`,
    });
  }
}

/** The decoded text of a base64 value; undefined when it is not base64 (a template, say). */
function decodeBase64(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  if (compact === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return undefined;
  return Buffer.from(compact, 'base64').toString('latin1');
}

/** Filled in at deploy time: Helm or envsubst templates, kubectl-style references. */
function isReference(value: string): boolean {
  const v = value.trim();
  return (
    /\{\{.*\}\}/s.test(v) ||
    /^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(v) ||
    /^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(v) ||
    /^<[^>]+>$/.test(v)
  );
}

/** Certificates and public keys are not secrets (a CA bundle in a Secret is common). */
function isPublicMaterial(value: string): boolean {
  const v = value.trim();
  if (/PRIVATE KEY/.test(v)) return false;
  const withoutCerts = v.replace(/-----BEGIN (CERTIFICATE|PUBLIC KEY|X509 CRL)-----[\s\S]*?-----END \1-----/g, '').trim();
  if (withoutCerts === '' && v !== '') return true;
  return /^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-\S+) [A-Za-z0-9+/=]+( \S+)?$/.test(v);
}
