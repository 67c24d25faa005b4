export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

export type Severity = (typeof SEVERITIES)[number];

/** Higher is more severe: critical = 4, info = 0. */
export function severityRank(severity: Severity): number {
  return 4 - SEVERITIES.indexOf(severity);
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) >= severityRank(threshold);
}

/** Move a severity up (positive) or down (negative) by steps, clamped to the scale. */
export function shiftSeverity(severity: Severity, steps: number): Severity {
  const index = Math.min(SEVERITIES.length - 1, Math.max(0, SEVERITIES.indexOf(severity) - steps));
  return SEVERITIES[index] ?? severity;
}

/** The CVSS-like score GitHub code scanning reads from SARIF `security-severity`. */
export function securitySeverityScore(severity: Severity): string {
  switch (severity) {
    case 'critical':
      return '9.5';
    case 'high':
      return '8.0';
    case 'medium':
      return '5.5';
    case 'low':
      return '3.0';
    case 'info':
      return '0.0';
  }
}
