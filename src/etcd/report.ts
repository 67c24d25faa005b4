/**
 * Reports of `etcd verify`: a human summary, the JSON shape other tools read, and a conversion
 * to the scan result shape for the other report formats. Object names only, never values.
 */
import type { Finding, ScanResult } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import type { VerifiedObject, VerifyResult } from './verify.js';

const LIST_LIMIT = 50;

function describeObject(o: VerifiedObject): string {
  if (o.state === 'plaintext')
    return `plain text${o.objectKind ? ` (${o.objectKind}, ${o.format})` : o.format ? ` (${o.format})` : ''}`;
  const provider =
    o.provider === 'kms'
      ? `KMS ${o.kmsVersion ?? ''} provider "${o.keyName ?? ''}"`
      : o.provider
        ? `${o.provider} key "${o.keyName ?? ''}"`
        : 'an unknown format';
  return o.reason ? `${provider}: ${o.reason}` : provider;
}

export function formatVerifyText(result: VerifyResult): string {
  const s = result.summary;
  const lines: string[] = [];
  lines.push(`Checked ${s.objects} object${s.objects === 1 ? '' : 's'} under ${s.prefixes.join(', ')}`);
  lines.push(`  encrypted   ${String(s.encrypted).padStart(8)}`);
  lines.push(`  plain text  ${String(s.plaintext).padStart(8)}`);
  lines.push(`  unreadable  ${String(s.unreadable).padStart(8)}`);
  if (s.keys.length > 0) {
    lines.push('', 'Keys:');
    for (const k of s.keys) {
      const notes = [
        k.current ? 'current write key' : '',
        k.inConfig ? 'in config' : s.currentKeys && k.key !== 'identity' ? 'NOT in config' : '',
      ]
        .filter((n) => n !== '')
        .join(', ');
      lines.push(
        `  ${k.key.padEnd(32)} ${String(k.objects).padStart(8)} object${k.objects === 1 ? ' ' : 's'}${notes ? `  (${notes})` : ''}`,
      );
    }
  }
  if (s.currentKeys) {
    for (const [resource, key] of Object.entries(s.currentKeys)) lines.push(`New writes of ${resource} use: ${key}`);
  }
  if (s.unusedKeys && s.unusedKeys.length > 0) lines.push(`Keys in the config that no object uses: ${s.unusedKeys.join(', ')}`);
  if (s.stale !== undefined && s.stale > 0) {
    lines.push(
      `${s.stale} object${s.stale === 1 ? ' is' : 's are'} not under the current write key: rewrite them (kubectl get secrets -A -o json | kubectl replace -f -).`,
    );
  }
  if (s.proposed) {
    const p = s.proposed;
    lines.push(
      '',
      p.unreadable === 0
        ? `Proposed config: every object stays readable (${p.readable} readable${p.unknown ? `, ${p.unknown} depend on a KMS plugin` : ''}).`
        : `Proposed config: ${p.unreadable} object${p.unreadable === 1 ? '' : 's'} would become UNREADABLE (encrypted with ${p.unreadableKeys.join(', ')}).`,
    );
  }
  const section = (title: string, list: VerifiedObject[]) => {
    if (list.length === 0) return;
    lines.push('', `${title} (${list.length}):`);
    for (const o of list.slice(0, LIST_LIMIT)) lines.push(`  ${o.key}  ${describeObject(o)}`);
    if (list.length > LIST_LIMIT) lines.push(`  ... and ${list.length - LIST_LIMIT} more (--format json lists all)`);
  };
  section(
    'Plain-text objects',
    result.objects.filter((o) => o.state === 'plaintext'),
  );
  section(
    'Unreadable objects',
    result.objects.filter((o) => o.state === 'unreadable'),
  );
  if (s.proposed && s.proposed.unreadable > 0) {
    section(
      'Unreadable under the proposed config',
      result.objects.filter((o) => o.readableAfterChange === false),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function formatVerifyJson(result: VerifyResult): string {
  const parts: string[] = [];
  writeVerifyJson(result, (chunk) => parts.push(chunk));
  return parts.join('');
}

/**
 * The JSON report `{ "objects": [...], "summary": {...} }`, written in chunks of a thousand
 * objects so that a report of 100,000 objects is never one string in memory.
 */
export function writeVerifyJson(result: VerifyResult, write: (chunk: string) => void): void {
  const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);
  write('{\n  "objects": [');
  const objects = result.objects;
  for (let start = 0; start < objects.length; start += 1000) {
    const chunk = objects
      .slice(start, start + 1000)
      .map((o, i) => `${start + i === 0 ? '' : ','}\n    ${indent(JSON.stringify(o, null, 2), '    ')}`)
      .join('');
    write(chunk);
  }
  write(`${objects.length > 0 ? '\n  ' : ''}],\n  "summary": ${indent(JSON.stringify(result.summary, null, 2), '  ')}\n}\n`);
}

/** The verification as findings, for report formats built on the scan result (SARIF, JUnit ...). */
export function verifyToScanResult(result: VerifyResult): ScanResult {
  const findings: Finding[] = [];
  const add = (rule: string, severity: Severity, o: VerifiedObject, message: string) => {
    findings.push({
      rule,
      severity,
      message,
      file: o.key,
      threats: ['secret-theft'],
      references: ['CIS Kubernetes 1.2.27', 'CIS Kubernetes 1.2.28'],
      remediation:
        rule === 'etcd-verify/plaintext'
          ? 'Configure encryption at rest for this resource and rewrite the objects (kubectl get secrets -A -o json | kubectl replace -f -).'
          : 'Restore the key that encrypted this object into the encryption config, or delete and re-create the object.',
      suppressed: null,
      fingerprint: `${rule}:${o.key}`,
    });
  };
  for (const o of result.objects) {
    if (o.state === 'plaintext') add('etcd-verify/plaintext', 'critical', o, `${o.key} is stored in plain text.`);
    else if (o.state === 'unreadable')
      add('etcd-verify/unreadable', 'critical', o, `${o.key} cannot be read: ${describeObject(o)}.`);
    else if (o.readableAfterChange === false)
      add('etcd-verify/unreadable-after-change', 'high', o, `${o.key} would become unreadable under the proposed config.`);
  }
  const counts: ScanResult['summary']['findings'] = {};
  for (const f of findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  return {
    version: 1,
    findings,
    errors: [],
    summary: { files: 0, objects: result.summary.objects, findings: counts, suppressed: 0 },
    skipped: [],
  };
}
