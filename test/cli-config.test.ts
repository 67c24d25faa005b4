/**
 * Config and suppressions end to end through the command: discovery and --config, config mistakes
 * with positions, exemptions (aliases, globs, paths relative to the config file, expiry), comment
 * and annotation suppressions, --show-suppressed in every format, and the baseline round trip.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elements, parseXml } from '../src/testing/xml.js';
import { json, privilegedPod, quietPod, runBin, runInProcess, tree } from './support/cli.js';

const RULE = ['--rule', 'k8s/no-privileged'];

const found = (stdout: string) =>
  (JSON.parse(stdout) as ReturnType<typeof json>).findings.map((f) => `${f.rule} ${f.object?.name ?? f.file}`);

describe('config discovery', () => {
  const t = tree({
    'repo/.greenbelt.yaml': 'rules:\n  k8s/no-privileged: low\n',
    'repo/deploy/pod.yaml': privilegedPod('web'),
    'repo/deploy/.greenbelt.yaml': 'rules:\n  k8s/no-privileged: medium\n',
    'repo/other/pod.yaml': privilegedPod('other'),
    'alt.yaml': 'rules:\n  k8s/no-privileged: off\n',
  });
  afterAll(() => t.cleanup());

  const severityOf = async (args: string[], cwd: string) => {
    const run = await runInProcess(['scan', ...args, '-f', 'json', ...RULE], { cwd });
    return json(run).findings.map((f) => f.severity);
  };

  it('finds .greenbelt.yaml in the scanned directory, or the nearest one above it, or in the working directory', async () => {
    expect(await severityOf(['repo/deploy'], t.dir)).toEqual(['medium']);
    expect(await severityOf(['repo/other'], t.dir)).toEqual(['low']);
    expect(await severityOf(['repo/other/pod.yaml'], t.dir)).toEqual(['low']);
    expect(await severityOf(['other'], join(t.dir, 'repo'))).toEqual(['low']);
    expect(await severityOf(['.'], t.dir)).toEqual(['critical', 'critical']);
  });

  it('uses --config instead, and --no-config ignores every config file', async () => {
    expect(await severityOf(['repo/deploy', '--config', 'alt.yaml'], t.dir)).toEqual([]);
    expect(await severityOf(['repo/deploy', '--no-config'], t.dir)).toEqual(['critical']);
    const both = await runInProcess(['scan', 'repo', '--config', 'alt.yaml', '--no-config'], { cwd: t.dir });
    expect(both.code).toBe(2);
  });

  it('reports a config file that cannot be read', async () => {
    const run = await runInProcess(['scan', 'repo', '--config', 'missing.yaml', '-f', 'json'], { cwd: t.dir });
    expect(run.code).toBe(2);
    expect(json(run).errors).toEqual([{ file: 'missing.yaml', line: 1, column: 1, message: 'cannot read config file (ENOENT)' }]);
  });
});

describe('config mistakes', () => {
  const t = tree({ 'pod.yaml': privilegedPod('web') });
  afterAll(() => t.cleanup());

  const errorsOf = async (config: string) => {
    writeFileSync(join(t.dir, '.greenbelt.yaml'), config);
    const run = await runBin(['scan', '.', ...RULE], { cwd: t.dir });
    return { run, errors: run.stdout.split('\n').filter((l) => l.startsWith('  ERROR')) };
  };

  it.each([
    ['rules:\n  k8s/no-privileged: high\n  bad: [\n', '.greenbelt.yaml:4:1 invalid YAML: '],
    [
      'rules:\n  k8s/no-privilegd: off\n',
      '.greenbelt.yaml:2:3 config: unknown rule "k8s/no-privilegd" (did you mean k8s/no-privileged',
    ],
    ['rules:\n  k8s/no-privileged: severe\n', '.greenbelt.yaml:2:3 config: expected on, off, a severity'],
    ['rules:\n  k8s/no-privileged: {severty: low}\n', '.greenbelt.yaml:2:23 config: unknown rule setting "severty"'],
    ['rule:\n  k8s/no-privileged: off\n', '.greenbelt.yaml:1:1 config: unknown setting "rule" (did you mean rules?)'],
    ['failOn: urgent\n', '.greenbelt.yaml:1:1 config: failOn must be one of critical, high, medium, low, info, none'],
    ['pss:\n  level: strict\n', '.greenbelt.yaml:2:3 config: pss.level must be baseline or restricted'],
    ['exemptions:\n  - rules: [k8s/no-privileged]\n', '.greenbelt.yaml:2:5 config: every exemption needs a reason'],
    [
      'exemptions:\n  - reason: x\n    rules: [k8s/no-privileged, k8s/nope]\n',
      '.greenbelt.yaml:3:32 config: unknown rule "k8s/nope"',
    ],
    [
      'exemptions:\n  - reason: x\n    rules: [k8s/no-privileged]\n    expires: soon\n',
      '.greenbelt.yaml:4:5 config: expires must be a date',
    ],
    [
      'exemptions:\n  - reason: x\n    kind: [Pod]\n',
      '.greenbelt.yaml:3:5 config: unknown exemption field "kind" (did you mean kinds?)',
    ],
    ['- just\n- a list\n', '.greenbelt.yaml:1:1 config: the config file must be a map'],
  ])('reports %j at its position and exits 2', async (config, expected) => {
    const { run, errors } = await errorsOf(config);
    expect(run.code).toBe(2);
    expect(errors.length).toBeGreaterThan(0);
    expect(
      errors.some((e) => e.startsWith(`  ERROR    ${expected}`)),
      errors.join('\n'),
    ).toBe(true);
  });

  it('accepts on/off (YAML 1.1 booleans), severities, maps and globs, later entries refining earlier ones', async () => {
    const { run, errors } = await errorsOf(
      'rules:\n  "k8s/*": low\n  k8s/no-privileged: {enabled: true}\n  meta/unused-suppression: off\nfailOn: low\n',
    );
    expect(errors).toEqual([]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('LOW      11:9');
    const off = await errorsOf('rules:\n  "k8s/no-*": off\n');
    expect(off.errors).toEqual([]);
    expect(off.run.code).toBe(0);
  });
});

describe('exemptions in config', () => {
  const t = tree({
    '.greenbelt.yaml': `exemptions:
  - reason: the CNI agent programs the node network
    rules: [k8s/no-privileged]
    namespaces: [kube-*]
  - reason: legacy manifests, tracked in JIRA-1234
    paths: [deploy/legacy/**]
  - reason: the debug pod is deleted after use
    kinds: [Pod]
    names: [debug-*]
  - reason: expired exception
    rules: ["k8s/*"]
    names: [expired]
    expires: 2000-01-31
  - reason: long-lived exception
    rules: ["k8s/*"]
    names: [current]
    expires: 2999-12-31
  - reason: nothing matches this
    names: [ghost]
`,
    'deploy/agent.yaml': privilegedPod('agent', 'kube-system'),
    'deploy/legacy/old.yaml': privilegedPod('old'),
    'deploy/debug.yaml': privilegedPod('debug-1'),
    'deploy/web.yaml': privilegedPod('web'),
    'deploy/expired.yaml': privilegedPod('expired'),
    'deploy/current.yaml': privilegedPod('current'),
  });
  afterAll(() => t.cleanup());

  it('suppresses by namespace, path, kind and name globs, each with its reason; reports the rest', async () => {
    const run = await runInProcess(['scan', '.', '-f', 'json', '--show-suppressed', ...RULE], { cwd: t.dir });
    const report = json(run);
    const byName = Object.fromEntries(
      report.findings.filter((f) => f.rule === 'k8s/no-privileged').map((f) => [f.object?.name, f.suppressed]),
    );
    expect(byName).toEqual({
      agent: { by: 'config', reason: 'the CNI agent programs the node network' },
      old: { by: 'config', reason: 'legacy manifests, tracked in JIRA-1234' },
      'debug-1': { by: 'config', reason: 'the debug pod is deleted after use' },
      web: null,
      expired: null,
      current: { by: 'config', reason: 'long-lived exception' },
    });
    expect(report.summary.suppressed).toBe(4);
  });

  it('reports an expired exemption and one that matches nothing, at their place in the config file', async () => {
    const run = await runInProcess(['scan', '.', '-f', 'json', ...RULE], { cwd: t.dir });
    const meta = json(run).findings.filter((f) => f.rule === 'meta/unused-suppression');
    expect(meta.map((f) => [f.file, f.line, f.message])).toEqual([
      [
        '.greenbelt.yaml',
        10,
        'Config exemption ("expired exception") expired on 2000-01-31: the findings it suppressed are reported again. Fix them, or renew the exemption with a new date and reason.',
      ],
      ['.greenbelt.yaml', 18, 'Config exemption ("nothing matches this") matches no finding.'],
    ]);
  });

  it('matches path globs relative to the config file, wherever the scan runs from', async () => {
    const run = await runInProcess(['scan', 'legacy', '-f', 'json', ...RULE, '--config', '../.greenbelt.yaml'], {
      cwd: join(t.dir, 'deploy'),
    });
    const report = json(run);
    expect(report.findings.filter((f) => f.rule === 'k8s/no-privileged')).toEqual([]);
    expect(report.summary.suppressed).toBe(1);
  });
});

describe('exemptions name rules by alias', () => {
  it('through the library, with a rule that was renamed', async () => {
    const { scan } = await import('../src/scan.js');
    const { defineRule } = await import('../src/rules/types.js');
    const renamed = defineRule({
      target: 'k8s',
      meta: {
        id: 'k8s/new-name',
        aliases: ['k8s/old-name'],
        description: 'Disallow pods named bad',
        rationale: 'A test rule that reports pods named bad, to check that aliases keep working in config.',
        severity: 'high',
        threats: ['application-escape'],
        references: ['test'],
        remediation: 'Rename the pod to something else entirely.',
        examples: [],
      },
      check(object, context) {
        if (object.name === 'bad') context.report({ message: 'bad pod', path: ['metadata', 'name'] });
      },
    });
    const t = tree({
      'pod.yaml': privilegedPod('bad'),
      '.greenbelt.yaml':
        'rules:\n  k8s/old-name: medium\nexemptions:\n  - reason: old id still works\n    rules: [k8s/old-name]\n    namespaces: [other]\n',
      'other/pod.yaml': privilegedPod('bad', 'other'),
    });
    try {
      const result = await scan({ paths: ['.'], cwd: t.dir, rules: [renamed] });
      expect(result.errors).toEqual([]);
      expect(result.findings.map((f) => [f.object?.namespace, f.severity, f.suppressed?.by ?? null])).toEqual([
        ['other', 'medium', 'config'],
        ['shop', 'medium', null],
      ]);
    } finally {
      t.cleanup();
    }
  });
});

describe('suppression comments and annotations, through the command', () => {
  const t = tree({
    'comment.yaml': privilegedPod('commented').replace(
      '        privileged: true',
      '        # greenbelt-ignore k8s/no-privileged: device plugin needs /dev\n        privileged: true',
    ),
    'trailing.yaml': privilegedPod('trailing').replace(
      'privileged: true',
      'privileged: true # greenbelt-ignore k8s/no-privileged: node exporter',
    ),
    'above-trailing.yaml': privilegedPod('above').replace(
      '      securityContext:',
      '      securityContext: # greenbelt-ignore k8s/no-privileged: belongs to this line only',
    ),
    'file-wide.yaml': `# greenbelt-ignore-file k8s/no-privileged: vendored chart\n${privilegedPod('filewide')}`,
    'annotated.yaml': privilegedPod(
      'annotated',
      'shop',
      '  annotations:\n    ignore.greenbelt.dev/k8s.no-privileged: "runs the CSI driver"\n',
    ),
    'stale.yaml': quietPod('stale').replace(
      '  namespace: shop\n',
      '  namespace: shop\n  annotations:\n    ignore.greenbelt.dev/k8s.no-privileged: "no longer needed"\n',
    ),
    'norule.yaml': privilegedPod('norule').replace(
      '        privileged: true',
      '        # greenbelt-ignore: forgot the rule\n        privileged: true',
    ),
  });
  afterAll(() => t.cleanup());

  it('suppresses by comment above, trailing comment, file-wide comment and annotation, and says why', async () => {
    const report = json(await runInProcess(['scan', '.', '-f', 'json', '--show-suppressed', ...RULE], { cwd: t.dir }));
    const privileged = Object.fromEntries(
      report.findings.filter((f) => f.rule === 'k8s/no-privileged').map((f) => [f.object?.name, f.suppressed]),
    );
    expect(privileged).toEqual({
      above: null,
      annotated: { by: 'annotation', reason: 'runs the CSI driver' },
      commented: { by: 'comment', reason: 'device plugin needs /dev' },
      filewide: { by: 'comment', reason: 'vendored chart' },
      norule: null,
      trailing: { by: 'comment', reason: 'node exporter' },
    });
  });

  it('reports suppressions that match nothing, and one that names no rule', async () => {
    const report = json(await runInProcess(['scan', '.', '-f', 'json', ...RULE], { cwd: t.dir }));
    expect(
      report.findings.filter((f) => f.rule === 'meta/unused-suppression').map((f) => `${f.file}:${f.line} ${f.message}`),
    ).toEqual([
      'above-trailing.yaml:10 Suppression comment for k8s/no-privileged matches no finding on the line below.',
      'norule.yaml:11 Suppression comment names no rule, so it suppresses nothing: name the rules, as in `# greenbelt-ignore k8s/no-privileged: <reason>`.',
      'stale.yaml:7 Annotation ignore.greenbelt.dev/k8s.no-privileged suppresses k8s/no-privileged, but that rule reports nothing on this object.',
    ]);
  });
});

describe('--show-suppressed in every format', () => {
  const t = tree({
    'pod.yaml': privilegedPod('web', 'shop', '  annotations:\n    ignore.greenbelt.dev/k8s.no-privileged: "accepted risk"\n'),
  });
  afterAll(() => t.cleanup());
  const scan = (format: string, show: boolean) =>
    runInProcess(['scan', '.', '-f', format, ...RULE, ...(show ? ['--show-suppressed'] : [])], { cwd: t.dir });

  it('text', async () => {
    expect((await scan('text', false)).stdout).not.toContain('accepted risk');
    const shown = await scan('text', true);
    expect(shown.stdout).toContain('suppressed by annotation: accepted risk');
    expect(shown.code).toBe(0);
  });

  it('json', async () => {
    expect(json(await scan('json', false)).findings).toEqual([]);
    expect(json(await scan('json', true)).findings.map((f) => f.suppressed)).toEqual([
      { by: 'annotation', reason: 'accepted risk' },
    ]);
  });

  it('sarif', async () => {
    const results = (s: string) => (JSON.parse(s) as { runs: { results: { suppressions?: unknown[] }[] }[] }).runs[0]?.results;
    expect(results((await scan('sarif', false)).stdout)).toEqual([]);
    expect(results((await scan('sarif', true)).stdout)?.map((r) => r.suppressions)).toEqual([
      [{ kind: 'inSource', status: 'accepted', justification: 'accepted risk', properties: { by: 'annotation' } }],
    ]);
  });

  it('junit', async () => {
    expect(elements(parseXml((await scan('junit', false)).stdout), 'skipped')).toEqual([]);
    const skipped = elements(parseXml((await scan('junit', true)).stdout), 'skipped');
    expect(skipped.map((s) => s.attributes.message)).toEqual(['suppressed by annotation: accepted risk']);
  });

  it('github', async () => {
    expect((await scan('github', false)).stdout).toBe('');
    expect((await scan('github', true)).stdout).toMatch(
      /^::notice file=pod.yaml,line=13,title=k8s\/no-privileged \(suppressed\)::/,
    );
  });
});

describe('baseline', () => {
  const t = tree({ 'deploy/a.yaml': privilegedPod('a'), 'deploy/b.yaml': privilegedPod('b') });
  afterAll(() => t.cleanup());
  const baseline = () => join(t.dir, 'baseline.json');

  beforeAll(async () => {
    const written = await runBin(['scan', 'deploy', '--write-baseline', 'baseline.json', ...RULE], { cwd: t.dir });
    expect(written.code).toBe(0);
    expect(written.stderr).toContain('greenbelt: wrote 2 findings to the baseline baseline.json');
  });

  it('records every current finding, sorted, without line numbers', () => {
    const file = JSON.parse(readFileSync(baseline(), 'utf8')) as { version: number; findings: { file: string; line?: number }[] };
    expect(file.version).toBe(1);
    expect(file.findings.map((f) => f.file)).toEqual(['deploy/a.yaml', 'deploy/b.yaml']);
    expect(file.findings.every((f) => f.line === undefined)).toBe(true);
  });

  it('suppresses what it records, however the same files are named', async () => {
    for (const path of ['deploy', './deploy/', join(t.dir, 'deploy')]) {
      const run = await runInProcess(['scan', path, '--baseline', 'baseline.json', '-f', 'json', ...RULE], { cwd: t.dir });
      expect(run.code, path).toBe(0);
      expect(json(run).findings, path).toEqual([]);
      expect(json(run).summary.suppressed, path).toBe(2);
    }
  });

  it('keeps suppressing when lines move and containers are reordered, and still reports new findings', async () => {
    const moved = privilegedPod('a')
      .replace('apiVersion: v1\n', '# moved down by a comment\n\napiVersion: v1\n')
      .replace('  containers:\n', '  containers:\n    - name: sidecar\n      image: envoy:1.30\n');
    t.write({ 'deploy/a.yaml': moved, 'deploy/c.yaml': privilegedPod('c') });
    const run = await runInProcess(
      ['scan', 'deploy', '--baseline', 'baseline.json', '-f', 'json', '--show-suppressed', ...RULE],
      {
        cwd: t.dir,
      },
    );
    const report = json(run);
    expect(report.findings.map((f) => [f.object?.name, f.line, f.suppressed?.by ?? null])).toEqual([
      ['a', 15, 'baseline'],
      ['b', 11, 'baseline'],
      ['c', 11, null],
    ]);
    expect(run.code).toBe(1);
  });

  it('round-trips: rewriting the baseline keeps what is still there and drops what was fixed', async () => {
    t.write({ 'deploy/b.yaml': quietPod('b') });
    const stale = await runInProcess(['scan', 'deploy', '--baseline', 'baseline.json', ...RULE], { cwd: t.dir });
    expect(stale.stderr).toContain(
      'greenbelt: 1 of 2 baseline entries match no finding any more (fixed?); refresh the baseline with --baseline baseline.json --write-baseline baseline.json',
    );
    const rewrite = await runInProcess(
      ['scan', 'deploy', '--baseline', 'baseline.json', '--write-baseline', 'baseline.json', ...RULE],
      {
        cwd: t.dir,
      },
    );
    expect(rewrite.code).toBe(0);
    const file = JSON.parse(readFileSync(baseline(), 'utf8')) as { findings: { file: string }[] };
    expect(file.findings.map((f) => f.file)).toEqual(['deploy/a.yaml', 'deploy/c.yaml']);
    const after = await runInProcess(['scan', 'deploy', '--baseline', 'baseline.json', ...RULE], { cwd: t.dir });
    expect(after.code).toBe(0);
  });

  it('reports a baseline that is missing or not a baseline', async () => {
    const missing = await runInProcess(['scan', 'deploy', '--baseline', 'nope.json', '-f', 'json', ...RULE], { cwd: t.dir });
    expect(missing.code).toBe(2);
    expect(json(missing).errors).toEqual([{ file: 'nope.json', line: 1, column: 1, message: 'cannot read the baseline file' }]);
    t.write({ 'not-json.json': '{ nope' });
    const broken = await runInProcess(['scan', 'deploy', '--baseline', 'not-json.json', '-f', 'json', ...RULE], { cwd: t.dir });
    expect(json(broken).errors[0]?.message).toMatch(/^baseline is not valid JSON/);
  });
});

describe('fail-on from config', () => {
  const t = tree({ 'pod.yaml': privilegedPod('web'), '.greenbelt.yaml': 'failOn: none\n' });
  afterAll(() => t.cleanup());

  it('applies the config threshold, and the flag overrides it', async () => {
    expect((await runInProcess(['scan', '.', ...RULE], { cwd: t.dir })).code).toBe(0);
    expect((await runInProcess(['scan', '.', '--fail-on', 'high', ...RULE], { cwd: t.dir })).code).toBe(1);
  });

  it('prints findings whatever the threshold', async () => {
    expect(found((await runInProcess(['scan', '.', '-f', 'json', ...RULE], { cwd: t.dir })).stdout)).toEqual([
      'k8s/no-privileged web',
    ]);
  });
});
