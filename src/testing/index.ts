/**
 * Test helpers (not part of the build): scan a snippet with chosen rules and settings, and a strict
 * table-driven rule tester in the manner of ESLint's RuleTester.
 */
import { expect, it } from 'vitest';
import type { Finding, ScanResult } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import { emptyConfig, type GreenbeltConfig } from '../engine/config.js';
import type { Settings } from '../engine/settings.js';
import { defaultExampleFilename } from '../rules/examples.js';
import type { AnyRule } from '../rules/types.js';
import { scan } from '../scan.js';

export interface ScanTextOptions {
  /** The name the text is scanned as; decides the handler (default `example.yaml`). */
  filename?: string;
  rules?: readonly AnyRule[];
  settings?: (settings: Settings) => void;
  config?: (config: GreenbeltConfig) => void;
}

/** Scans a text as if it were one file, without touching the disk. */
export async function scanText(text: string, options: ScanTextOptions = {}): Promise<ScanResult> {
  const config = emptyConfig(process.cwd());
  options.settings?.(config.settings);
  options.config?.(config);
  return scan({
    paths: ['-'],
    stdin: text,
    stdinFilename: options.filename ?? 'example.yaml',
    config,
    ...(options.rules ? { rules: options.rules } : {}),
  });
}

export function ofRule(result: ScanResult, ruleId: string): Finding[] {
  return result.findings.filter((f) => f.rule === ruleId && f.suppressed === null);
}

export interface ExpectedFinding {
  line: number;
  column?: number;
  message?: string | RegExp;
  severity?: Severity;
  path?: string;
}

export interface ValidCase {
  name: string;
  code: string;
  filename?: string;
  settings?: (settings: Settings) => void;
}

export interface InvalidCase extends ValidCase {
  /** Every finding the rule must report, in order; no more, no fewer. */
  findings: ExpectedFinding[];
}

/** Runs valid and invalid cases through the whole pipeline with only this rule enabled. */
export function testRule(rule: AnyRule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  for (const c of cases.valid) {
    it(`valid: ${c.name}`, async () => {
      const result = await scanText(c.code, {
        filename: c.filename ?? defaultExampleFilename(rule),
        rules: [rule],
        ...(c.settings ? { settings: c.settings } : {}),
      });
      expect(result.errors).toEqual([]);
      expect(ofRule(result, rule.meta.id).map(describeFinding)).toEqual([]);
    });
  }
  for (const c of cases.invalid) {
    it(`invalid: ${c.name}`, async () => {
      const result = await scanText(c.code, {
        filename: c.filename ?? defaultExampleFilename(rule),
        rules: [rule],
        ...(c.settings ? { settings: c.settings } : {}),
      });
      expect(result.errors).toEqual([]);
      const found = ofRule(result, rule.meta.id);
      expect(found.map(describeFinding)).toHaveLength(c.findings.length);
      c.findings.forEach((want, i) => {
        const got = found[i] as Finding;
        expect(got.line, `finding ${i} line (${got.message})`).toBe(want.line);
        if (want.column !== undefined) expect(got.column, `finding ${i} column`).toBe(want.column);
        if (want.severity !== undefined) expect(got.severity, `finding ${i} severity`).toBe(want.severity);
        if (want.path !== undefined) expect(got.path, `finding ${i} path`).toBe(want.path);
        if (typeof want.message === 'string') expect(got.message).toBe(want.message);
        else if (want.message) expect(got.message).toMatch(want.message);
      });
    });
  }
}

function describeFinding(f: Finding): string {
  return `${f.line ?? '?'}:${f.column ?? '?'} ${f.severity} ${f.message}`;
}
