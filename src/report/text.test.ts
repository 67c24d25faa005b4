import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../core/finding.js';
import { sampleResult } from '../testing/report-sample.js';
import { colours } from './colour.js';
import { formatText, summaryLine } from './text.js';

const ESC = '\u001b[';

describe('text report', () => {
  it('groups by file in path order, with positions, object, rule, threats and fix', () => {
    const text = formatText(sampleResult());
    const headings = text.split('\n').filter((l) => l !== '' && !l.startsWith(' '));
    expect(headings).toEqual([
      'deploy/web.yaml',
      'deploy/rbac.yaml',
      'Namespace prod',
      'Errors',
      expect.stringMatching(/^3 findings/),
    ]);
    // A line break or control character from the input never breaks the layout or reaches the terminal raw.
    expect(text).toContain(
      '  MEDIUM   3:1      Value <a href="x">&amp;</a> it\'s "quoted", 100% sure,\\nsecond line\\ttab\\u0007bell \ud800 lone\n',
    );
    expect(text).toContain('  CRITICAL 21:11    Container "web" runs privileged.\n');
    expect(text).toContain('           k8s/no-privileged  Deployment shop/web  [host-compromise, kernel-exploit]\n');
    expect(text).toContain('           fix: Remove privileged: true.\n');
    expect(text).toContain('           | verbs: *\n');
    expect(text).toContain('  ERROR    broken.yaml:6:3 invalid YAML: bad indentation\n');
    expect(text).not.toContain(ESC);
  });

  it('groups by threat or by rule, worst first, with full locations', () => {
    const byThreat = formatText(sampleResult(), { groupBy: 'threat' });
    expect(byThreat.split('\n')[0]).toBe(
      'host-compromise (1): Control of the host: docker daemon or API exposure, privileged containers, host namespaces.',
    );
    expect(byThreat).toContain('  CRITICAL deploy/web.yaml:21:11 Container "web" runs privileged.');
    const byRule = formatText(sampleResult(), { groupBy: 'rule' });
    expect(
      byRule
        .split('\n')
        .filter((l) => /^\S/.test(l))
        .slice(0, 3),
    ).toEqual(['k8s/no-privileged (1)', 'test/tricky (1)', 'test/info (1)']);
  });

  it('shows suppressed findings, with who suppressed them and why, only when asked', () => {
    expect(formatText(sampleResult())).not.toContain('A low finding');
    const shown = formatText(sampleResult(), { showSuppressed: true });
    expect(shown).toContain('A low finding in a Dockerfile.');
    expect(shown).toContain('suppressed by comment: pinned upstream');
  });

  it('leaves out fix lines when brief, and lists skipped files when verbose', () => {
    expect(formatText(sampleResult(), { brief: true })).not.toContain('fix:');
    expect(formatText(sampleResult())).not.toContain('Skipped');
    expect(formatText(sampleResult(), { verbose: true })).toContain('Skipped\n  README.md not a file type greenbelt checks\n');
  });

  it('prints one parseable line per finding in compact mode', () => {
    const lines = formatText(sampleResult(), { compact: true, failOn: 'high' }).trimEnd().split('\n');
    expect(lines[0]).toBe('deploy/web.yaml:21:11: critical: Container "web" runs privileged. [k8s/no-privileged]');
    expect(lines).toHaveLength(3 + 2 + 1);
    expect(lines[1]).toMatch(/^deploy\/rbac.yaml:3:1: medium: Value .*\\nsecond line\\ttab\\u0007bell .* \[test\/tricky\]$/);
    expect(lines[2]).toBe('Namespace prod: info: A live object, without a file. [test/info]');
    expect(lines).toContain('broken.yaml:6:3: error: invalid YAML: bad indentation');
    expect(lines.at(-1)).toMatch(/^3 findings/);
    expect(formatText(sampleResult(), { compact: true, showSuppressed: true })).toContain(
      'Dockerfile:4:1: low: A low finding in a Dockerfile. [test/low] (suppressed by comment)',
    );
  });

  it('says in one summary line how many findings of each severity reach the threshold', () => {
    expect(summaryLine(sampleResult(), undefined, 'high')).toBe(
      '3 findings (1 critical, 1 medium, 1 info) in 3 of 7 files, 12 objects checked; 1 at or above high; 2 suppressed; 2 input errors',
    );
    expect(summaryLine(sampleResult(), undefined, 'critical')).toContain('; 1 at or above critical;');
    const clean: ScanResult = {
      version: 1,
      findings: [],
      errors: [],
      summary: { files: 1, objects: 2, findings: {}, suppressed: 0 },
      skipped: [],
    };
    expect(summaryLine(clean)).toBe('No findings in 1 file, 2 objects checked');
    const quiet = { ...sampleResult(), errors: [] };
    quiet.summary = { ...quiet.summary, findings: { low: 2 }, suppressed: 0 };
    expect(summaryLine(quiet, undefined, 'high')).toContain('; none at or above high');
  });

  it('colours severities and headings only when asked', () => {
    const coloured = formatText(sampleResult(), { colour: true });
    expect(coloured).toContain(colours.bold(colours.red('CRITICAL')));
    expect(coloured).toContain(colours.yellow('MEDIUM  '));
  });
});
