import { describe, expect, it } from 'vitest';
import { sampleResult } from '../testing/report-sample.js';
import { escapeData, escapeProperty, formatGithub, githubLevel } from './github.js';

describe('GitHub Actions annotations', () => {
  it('writes one workflow command per input error and finding, most severe first', () => {
    const lines = formatGithub(sampleResult()).trimEnd().split('\n');
    expect(lines.map((l) => l.slice(0, l.indexOf(' ')))).toEqual(['::error', '::error', '::error', '::warning', '::notice']);
    expect(lines[0]).toBe('::error file=broken.yaml,line=6,col=3,title=greenbelt%3A input error::invalid YAML: bad indentation');
    expect(lines[2]).toBe(
      '::error file=deploy/web.yaml,line=21,col=11,endLine=21,endColumn=27,title=k8s/no-privileged (critical)::Container "web" runs privileged.%0AFix: Remove privileged: true.',
    );
  });

  it('gives columns only for annotations on one line, as GitHub requires', () => {
    const tricky = formatGithub(sampleResult())
      .split('\n')
      .find((l) => l.includes('test/tricky')) as string;
    expect(tricky).toMatch(/^::warning file=deploy\/rbac.yaml,line=3,endLine=9,title=test\/tricky \(medium\)::/);
  });

  it('escapes message data and property values', () => {
    expect(escapeData('100% sure\r\nnext')).toBe('100%25 sure%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    const tricky = formatGithub(sampleResult())
      .split('\n')
      .find((l) => l.includes('test/tricky')) as string;
    expect(tricky).not.toMatch(/\n/);
    expect(tricky).toContain('100%25 sure,%0Asecond line');
  });

  it('adds suppressed findings as notices only when asked', () => {
    expect(formatGithub(sampleResult())).not.toContain('suppressed');
    const shown = formatGithub(sampleResult(), { showSuppressed: true });
    expect(shown).toContain(
      '::notice file=Dockerfile,line=4,title=test/low (suppressed)::A low finding in a Dockerfile.%0ASuppressed by comment: pinned upstream',
    );
  });

  it.each([
    ['critical', 'error'],
    ['high', 'error'],
    ['medium', 'warning'],
    ['low', 'notice'],
    ['info', 'notice'],
  ] as const)('maps %s to %s', (severity, level) => {
    expect(githubLevel(severity)).toBe(level);
  });
});
