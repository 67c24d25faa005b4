/**
 * Pod Security Standards policy versions: `v1.0` ... `v1.37` and `latest`. Checks change only at
 * minor versions of Kubernetes 1.x; a version newer than the newest known one behaves as `latest`,
 * as Pod Security Admission treats versions newer than its own.
 */

/** The newest policy version this evaluator knows (Kubernetes 1.37). */
export const NEWEST_POLICY_MINOR = 37;

/** Every policy version label, oldest first, without `latest`. */
export const POLICY_VERSIONS: readonly string[] = Array.from({ length: NEWEST_POLICY_MINOR + 1 }, (_, i) => `v1.${i}`);

export type ParsedVersion = { ok: true; minor: number; label: string } | { ok: false; message: string };

/**
 * Parses `latest`, `v1.N` or `1.N`. `minor` is the version the checks are evaluated at (the newest
 * known one for `latest` and for newer versions); `label` is the normalised version as given.
 */
export function parsePssVersion(text: string): ParsedVersion {
  const value = text.trim();
  if (value === 'latest') return { ok: true, minor: NEWEST_POLICY_MINOR, label: 'latest' };
  const match = /^v?1\.(0|[1-9]\d{0,3})$/.exec(value);
  if (!match) return { ok: false, message: `"${text}" is not a Pod Security Standards version (latest or v1.N)` };
  const minor = Number(match[1]);
  return { ok: true, minor: Math.min(minor, NEWEST_POLICY_MINOR), label: `v1.${minor}` };
}

/** The minor version to evaluate at: a number as given (clamped), or a version string. */
export function resolveMinor(version: string | number | undefined): number {
  if (version === undefined) return NEWEST_POLICY_MINOR;
  if (typeof version === 'number') return Math.max(0, Math.min(Math.floor(version), NEWEST_POLICY_MINOR));
  const parsed = parsePssVersion(version);
  if (!parsed.ok) throw new RangeError(parsed.message);
  return parsed.minor;
}
