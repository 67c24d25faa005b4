import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../core/finding.js';
import noPrivileged from '../rules/k8s/no-privileged.js';
import unusedSuppression from '../rules/meta/unused-suppression.js';
import { sampleResult, TRICKY } from '../testing/report-sample.js';
import { elements, parseXml, type XmlElement } from '../testing/xml.js';
import { escapeXml, formatJunit } from './junit.js';

const rules = [noPrivileged, unusedSuppression];

function counts(element: XmlElement): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of ['tests', 'failures', 'errors', 'skipped']) out[key] = Number(element.attributes[key]);
  return out;
}

function actual(suite: XmlElement): Record<string, number> {
  const cases = elements(suite, 'testcase');
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.children.some((x) => x.name === 'failure')).length,
    errors: cases.filter((c) => c.children.some((x) => x.name === 'error')).length,
    skipped: cases.filter((c) => c.children.some((x) => x.name === 'skipped')).length,
  };
}

describe('JUnit report', () => {
  it('is well-formed XML whose counts add up, at every level', () => {
    for (const showSuppressed of [false, true]) {
      const root = parseXml(formatJunit(sampleResult(), { rules, showSuppressed }));
      expect(root.name).toBe('testsuites');
      expect(counts(root)).toEqual(actual(root));
      for (const suite of elements(root, 'testsuite')) expect(counts(suite), suite.attributes.name).toEqual(actual(suite));
    }
  });

  it('has a suite per rule, a failure per finding, and a passing case for a rule that found nothing', () => {
    const root = parseXml(formatJunit(sampleResult(), { rules }));
    const suites = elements(root, 'testsuite').map((s) => s.attributes.name);
    expect(suites).toEqual([
      'k8s/no-privileged',
      'meta/unused-suppression',
      'test/info',
      'test/tricky',
      'greenbelt/input-errors',
    ]);
    const privileged = elements(root, 'testsuite')[0] as XmlElement;
    const testcase = elements(privileged, 'testcase')[0] as XmlElement;
    expect(testcase.attributes).toEqual({
      classname: 'k8s/no-privileged',
      name: 'deploy/web.yaml Deployment shop/web /spec/template/spec/containers/0/securityContext/privileged',
      file: 'deploy/web.yaml',
      line: '21',
      time: '0',
    });
    const failure = elements(testcase, 'failure')[0] as XmlElement;
    expect(failure.attributes).toEqual({ message: 'Container "web" runs privileged.', type: 'critical' });
    expect(failure.text).toContain('Location:   deploy/web.yaml:21:11');
    expect(failure.text).toContain('Fix:        Remove privileged: true.');
    const unused = elements(root, 'testsuite')[1] as XmlElement;
    expect(elements(unused, 'testcase').map((c) => [c.attributes.name, c.children.length])).toEqual([['no findings', 0]]);
  });

  it('keeps line numbers out of test names, so a finding keeps its identity when lines move', () => {
    const root = parseXml(formatJunit(sampleResult(), { rules }));
    for (const testcase of elements(root, 'testcase')) expect(testcase.attributes.name).not.toMatch(/:\d+/);
  });

  it('escapes markup, quotes, line breaks and characters XML forbids, losing nothing visible', () => {
    const root = parseXml(formatJunit(sampleResult(), { rules }));
    const tricky = elements(root, 'testsuite').find((s) => s.attributes.name === 'test/tricky') as XmlElement;
    const failure = elements(tricky, 'failure')[0] as XmlElement;
    const visible = TRICKY.replace('\u0007', '\\u0007').replace('\ud800', '\\uD800');
    expect(failure.attributes.message).toBe(visible);
    expect(failure.text.startsWith(visible)).toBe(true);
    expect(escapeXml('a\u0000b\u001fc\ufffe', true)).toBe('a\\u0000b\\u001Fc\\uFFFE');
    expect(escapeXml('😀 ok')).toBe('😀 ok');
  });

  it('lists suppressed findings as skipped only when asked', () => {
    expect(elements(parseXml(formatJunit(sampleResult(), { rules })), 'skipped')).toEqual([]);
    const skipped = elements(parseXml(formatJunit(sampleResult(), { rules, showSuppressed: true })), 'skipped');
    expect(skipped.map((s) => s.attributes.message)).toEqual([
      'suppressed by baseline: present in the baseline .greenbelt-baseline.json',
      'suppressed by comment: pinned upstream',
    ]);
  });

  it('turns input errors into error cases', () => {
    const root = parseXml(formatJunit(sampleResult(), { rules }));
    const suite = elements(root, 'testsuite').find((s) => s.attributes.name === 'greenbelt/input-errors') as XmlElement;
    expect(elements(suite, 'error').map((e) => [e.attributes.message, e.text])).toEqual([
      ['invalid YAML: bad indentation', 'broken.yaml:6:3: invalid YAML: bad indentation'],
      ['empty file: nothing to scan', '<stdin>:1:1: empty file: nothing to scan'],
    ]);
    expect((elements(suite, 'testcase')[1] as XmlElement).attributes.file).toBeUndefined();
  });

  it('is never empty, which Jenkins would count as a failed build', () => {
    const empty: ScanResult = {
      version: 1,
      findings: [],
      errors: [],
      summary: { files: 0, objects: 0, findings: {}, suppressed: 0 },
      skipped: [],
    };
    const root = parseXml(formatJunit(empty));
    expect(counts(root)).toEqual({ tests: 1, failures: 0, errors: 0, skipped: 0 });
  });
});
