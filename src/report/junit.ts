/**
 * JUnit XML, as GitLab (`artifacts:reports:junit`) and Jenkins (the JUnit plugin) read it.
 *
 * One `<testsuite>` per rule that ran, and inside it:
 * - one failing `<testcase>` per finding (a `<failure>` with the message, the location and the fix),
 * - one skipped `<testcase>` per suppressed finding when they are shown,
 * - one passing `<testcase>` when the rule found nothing.
 *
 * Why per rule rather than per file: a rule is a test that every input must pass, so a clean scan
 * still reports how many checks passed (and never produces an empty report, which Jenkins treats
 * as a failed build); the report does not need the list of every file scanned; and both GitLab and
 * Jenkins group test cases by `classname` (the rule id here), while the `file` and `line`
 * attributes and the test name carry the location. Test names hold no line numbers, so a finding
 * keeps its identity (and its history in the CI's test view) when lines move.
 *
 * Input errors become an extra suite, `greenbelt/input-errors`, with one `<error>` per input.
 */
import type { Finding, ScanError, ScanResult } from '../core/finding.js';
import type { AnyRule } from '../rules/types.js';

export interface JunitOptions {
  /** The rules that ran; each gets a suite even when it found nothing. */
  rules?: readonly AnyRule[];
  showSuppressed?: boolean;
}

/**
 * Text that is safe in XML 1.0 content and attribute values: markup characters escaped; characters
 * XML 1.0 forbids (C0 controls other than tab, line feed and carriage return, lone surrogates,
 * U+FFFE and U+FFFF) written as a visible `\uXXXX` so that nothing is silently lost; line breaks in
 * attributes kept as character references (a parser would otherwise turn them into spaces).
 */
export function escapeXml(text: string, attribute = false): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const char = text[i] as string;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += char + (text[i + 1] as string);
        i++;
        continue;
      }
      out += hexEscape(code);
      continue;
    }
    if (code >= 0xdc00 && code <= 0xdfff) {
      out += hexEscape(code);
      continue;
    }
    switch (char) {
      case '&':
        out += '&amp;';
        continue;
      case '<':
        out += '&lt;';
        continue;
      case '>':
        out += '&gt;';
        continue;
      case '"':
        out += attribute ? '&quot;' : char;
        continue;
      case "'":
        out += attribute ? '&apos;' : char;
        continue;
      case '\n':
        out += attribute ? '&#10;' : char;
        continue;
      case '\r':
        out += '&#13;';
        continue;
      case '\t':
        out += attribute ? '&#9;' : char;
        continue;
    }
    if (code < 0x20 || code === 0xfffe || code === 0xffff) {
      out += hexEscape(code);
      continue;
    }
    out += char;
  }
  return out;
}

function hexEscape(code: number): string {
  return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value), true)}"`)
    .join('');
}

function objectLabel(finding: Finding): string | undefined {
  const object = finding.object;
  if (!object) return undefined;
  return object.namespace ? `${object.kind} ${object.namespace}/${object.name}` : `${object.kind} ${object.name}`;
}

/** The test name: where the finding is, without line numbers (stable when lines move). */
function testName(finding: Finding): string {
  const parts = [finding.file ?? '(no file)'];
  const object = objectLabel(finding);
  if (object) parts.push(object);
  if (finding.path) parts.push(finding.path);
  return parts.join(' ');
}

function locationOf(item: { file?: string; line?: number; column?: number }): string {
  if (item.file === undefined) return '';
  return item.line === undefined ? item.file : `${item.file}:${item.line}:${item.column ?? 1}`;
}

function failureBody(finding: Finding): string {
  const lines = [finding.message, ''];
  const where = locationOf(finding);
  if (where) lines.push(`Location:   ${where}`);
  const object = objectLabel(finding);
  if (object) lines.push(`Object:     ${object}`);
  if (finding.path) lines.push(`Path:       ${finding.path}`);
  lines.push(`Rule:       ${finding.rule}`, `Severity:   ${finding.severity}`, `Threats:    ${finding.threats.join(', ')}`);
  for (const item of finding.evidence ?? []) lines.push(`Evidence:   ${item}`);
  if (finding.references.length > 0) lines.push(`References: ${finding.references.join('; ')}`);
  if (finding.remediation) lines.push(`Fix:        ${finding.remediation}`);
  return lines.join('\n');
}

interface Suite {
  name: string;
  cases: string[];
  failures: number;
  errors: number;
  skipped: number;
}

function findingCase(finding: Finding): { xml: string; failed: boolean; skipped: boolean } {
  const head = `    <testcase${attributes({
    classname: finding.rule,
    name: testName(finding),
    file: finding.file,
    line: finding.line,
    time: 0,
  })}>`;
  if (finding.suppressed) {
    const reason = `suppressed by ${finding.suppressed.by}: ${finding.suppressed.reason || '(no reason given)'}`;
    return { xml: `${head}\n      <skipped${attributes({ message: reason })}/>\n    </testcase>`, failed: false, skipped: true };
  }
  const failure = `      <failure${attributes({ message: finding.message, type: finding.severity })}>${escapeXml(failureBody(finding))}</failure>`;
  return { xml: `${head}\n${failure}\n    </testcase>`, failed: true, skipped: false };
}

function errorCase(error: ScanError): string {
  const where = locationOf(error);
  return `    <testcase${attributes({
    classname: 'greenbelt/input-errors',
    name: error.file,
    file: error.file.startsWith('<') ? undefined : error.file,
    line: error.line,
    time: 0,
  })}>\n      <error${attributes({ message: error.message, type: 'input-error' })}>${escapeXml(
    `${where}: ${error.message}`,
  )}</error>\n    </testcase>`;
}

export function formatJunit(result: ScanResult, options: JunitOptions = {}): string {
  const suites = new Map<string, Suite>();
  const suiteOf = (name: string): Suite => {
    let suite = suites.get(name);
    if (!suite) {
      suite = { name, cases: [], failures: 0, errors: 0, skipped: 0 };
      suites.set(name, suite);
    }
    return suite;
  };
  for (const rule of options.rules ?? []) suiteOf(rule.meta.id);
  // Never an empty report: Jenkins fails a build whose report holds no test at all.
  if (suites.size === 0 && result.findings.every((f) => f.suppressed && !options.showSuppressed)) suiteOf('greenbelt');
  for (const finding of result.findings) {
    if (finding.suppressed && !options.showSuppressed) continue;
    const suite = suiteOf(finding.rule);
    const item = findingCase(finding);
    suite.cases.push(item.xml);
    if (item.failed) suite.failures++;
    if (item.skipped) suite.skipped++;
  }
  for (const suite of suites.values()) {
    if (suite.failures === 0) {
      suite.cases.unshift(`    <testcase${attributes({ classname: suite.name, name: 'no findings', time: 0 })}/>`);
    }
  }
  const ordered = [...suites.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (result.errors.length > 0) {
    ordered.push({
      name: 'greenbelt/input-errors',
      cases: result.errors.map(errorCase),
      failures: 0,
      errors: result.errors.length,
      skipped: 0,
    });
  }
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  const body = ordered.map((suite) => {
    tests += suite.cases.length;
    failures += suite.failures;
    errors += suite.errors;
    skipped += suite.skipped;
    return `  <testsuite${attributes({
      name: suite.name,
      tests: suite.cases.length,
      failures: suite.failures,
      errors: suite.errors,
      skipped: suite.skipped,
      time: 0,
    })}>\n${suite.cases.join('\n')}\n  </testsuite>`;
  });
  const head = `<testsuites${attributes({ name: 'greenbelt', tests, failures, errors, skipped, time: 0 })}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${body.join('\n')}${body.length > 0 ? '\n' : ''}</testsuites>\n`;
}
