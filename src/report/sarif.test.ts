import { describe, expect, it } from 'vitest';
import { ruleMarkdown } from '../docs/rule-docs.js';
import noPrivileged from '../rules/k8s/no-privileged.js';
import { type AnyRule, defineRule } from '../rules/types.js';
import { sampleResult } from '../testing/report-sample.js';
import { artifactLocation, FINGERPRINT_KEY, formatSarif, SRCROOT, sarifLevel, sarifLog, sarifRuleName } from './sarif.js';

type Json = Record<string, unknown>;

const infoRule = defineRule({
  target: 'k8s',
  meta: {
    id: 'test/info',
    description: 'Require something informative',
    rationale: 'Only informative: nothing an attacker gains directly, but a reviewer wants to know.',
    severity: 'info',
    threats: ['undetected-activity'],
    references: ['A reference'],
    remediation: 'Do the informative thing, as documented.',
    examples: [],
    aliases: ['test/old-info'],
  },
  check() {},
}) as AnyRule;

const rules: AnyRule[] = [noPrivileged, infoRule];

function run(log: Json): Json {
  return (log.runs as Json[])[0] as Json;
}

function resultsOf(log: Json): Json[] {
  return run(log).results as Json[];
}

function descriptors(log: Json): Json[] {
  return ((run(log).tool as Json).driver as Json).rules as Json[];
}

describe('SARIF report', () => {
  it('is SARIF 2.1.0 with one run and a described driver', () => {
    const log = JSON.parse(formatSarif(sampleResult(), { rules, toolVersion: '1.2.3' })) as Json;
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.runs).toHaveLength(1);
    const driver = (run(log).tool as Json).driver as Json;
    expect(driver).toMatchObject({ name: 'greenbelt', version: '1.2.3', semanticVersion: '1.2.3' });
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(run(log).columnKind).toBe('utf16CodeUnits');
  });

  it('has a rules table from the registry, with help from the generated docs', () => {
    const log = sarifLog(sampleResult(), { rules });
    const table = descriptors(log);
    const privileged = table.find((d) => d.id === 'k8s/no-privileged') as Json;
    expect(privileged).toMatchObject({
      name: 'K8sNoPrivileged',
      shortDescription: { text: noPrivileged.meta.description },
      fullDescription: { text: noPrivileged.meta.rationale },
      defaultConfiguration: { level: 'error', enabled: true },
    });
    expect((privileged.help as Json).markdown).toBe(ruleMarkdown(noPrivileged));
    expect((privileged.help as Json).text).toContain(noPrivileged.meta.remediation);
    expect(privileged.helpUri).toMatch(/\/docs\/rules\/k8s\/no-privileged\.md$/);
    const properties = privileged.properties as Json;
    expect(properties['security-severity']).toBe('9.5');
    expect(properties.tags).toEqual(expect.arrayContaining(['security', 'host-compromise', 'kernel-exploit']));
    expect((properties.tags as string[]).length).toBeLessThanOrEqual(10);
    // GitHub reads a security severity of 0 as "not a security alert": info rules carry none.
    const info = table.find((d) => d.id === 'test/info') as Json;
    expect((info.properties as Json)['security-severity']).toBeUndefined();
    expect(info.defaultConfiguration).toEqual({ level: 'note', enabled: true });
    expect(info.deprecatedIds).toEqual(['test/old-info']);
  });

  it('gives every security severity as a numeric string GitHub bands correctly', () => {
    const table = descriptors(sarifLog(sampleResult(), { rules }));
    for (const descriptor of table) {
      const score = (descriptor.properties as Json)['security-severity'];
      if (score === undefined) continue;
      expect(typeof score).toBe('string');
      expect(Number(score)).toBeGreaterThan(0);
      expect(Number(score)).toBeLessThanOrEqual(10);
    }
  });

  it('uses the configured severity of a rule in the table', () => {
    const log = sarifLog(sampleResult(), {
      rules,
      ruleSeverity: (rule) => (rule === noPrivileged ? 'medium' : rule.meta.severity),
    });
    const privileged = descriptors(log).find((d) => d.id === 'k8s/no-privileged') as Json;
    expect(privileged.defaultConfiguration).toEqual({ level: 'warning', enabled: true });
    expect((privileged.properties as Json)['security-severity']).toBe('5.5');
  });

  it('points every result at its rule by id and index, with level, message and location', () => {
    const log = sarifLog(sampleResult(), { rules });
    const table = descriptors(log);
    const results = resultsOf(log);
    expect(results.map((r) => r.ruleId)).toEqual(['k8s/no-privileged', 'test/tricky', 'test/info']);
    for (const result of results) expect(table[result.ruleIndex as number]?.id).toBe(result.ruleId);
    const first = results[0] as Json;
    expect(first.level).toBe('error');
    expect(first.message).toEqual({ text: 'Container "web" runs privileged.' });
    expect(first.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'deploy/web.yaml', uriBaseId: SRCROOT },
          region: { startLine: 21, startColumn: 11, endLine: 21, endColumn: 27 },
        },
        logicalLocations: [{ name: 'web', fullyQualifiedName: 'shop/Deployment/web', kind: 'resource' }],
      },
    ]);
    expect(first.partialFingerprints).toEqual({ [FINGERPRINT_KEY]: 'aaaaaaaaaaaaaaaaaaaaaaaa' });
    expect(first.properties).toMatchObject({
      severity: 'critical',
      path: '/spec/template/spec/containers/0/securityContext/privileged',
    });
  });

  it('adds a bare descriptor for a rule missing from the table', () => {
    const log = sarifLog(sampleResult(), { rules });
    const tricky = descriptors(log).find((d) => d.id === 'test/tricky') as Json;
    expect(tricky).toMatchObject({ id: 'test/tricky', defaultConfiguration: { level: 'warning' } });
  });

  it('gives a finding without a file only a logical location', () => {
    const live = resultsOf(sarifLog(sampleResult(), { rules })).find((r) => r.ruleId === 'test/info') as Json;
    expect(live.locations).toEqual([
      { logicalLocations: [{ name: 'prod', fullyQualifiedName: 'Namespace/prod', kind: 'resource' }] },
    ]);
    expect(live.level).toBe('note');
  });

  it('leaves suppressed findings out unless asked, then marks them with suppressions', () => {
    expect(resultsOf(sarifLog(sampleResult(), { rules })).some((r) => r.suppressions)).toBe(false);
    const results = resultsOf(sarifLog(sampleResult(), { rules, showSuppressed: true }));
    const byComment = results.find((r) => r.ruleId === 'test/low') as Json;
    expect(byComment.suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'pinned upstream', properties: { by: 'comment' } },
    ]);
    const byBaseline = results.find(
      (r) => (r.partialFingerprints as Json)[FINGERPRINT_KEY] === 'eeeeeeeeeeeeeeeeeeeeeeee',
    ) as Json;
    expect((byBaseline.suppressions as Json[])[0]).toMatchObject({ kind: 'external', status: 'accepted' });
  });

  it('keeps an empty region one character wide', () => {
    const results = resultsOf(sarifLog(sampleResult(), { rules, showSuppressed: true }));
    const low = results.find((r) => r.ruleId === 'test/low') as Json;
    const region = (((low.locations as Json[])[0] as Json).physicalLocation as Json).region as Json;
    expect(region).toEqual({ startLine: 4, startColumn: 1, endLine: 4, endColumn: 2 });
  });

  it('reports input errors as tool execution notifications', () => {
    const invocation = (run(sarifLog(sampleResult(), { rules })).invocations as Json[])[0] as Json;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: 'invalid YAML: bad indentation' },
        descriptor: { id: 'input-error' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'broken.yaml', uriBaseId: SRCROOT },
              region: { startLine: 6, startColumn: 3 },
            },
          },
        ],
      },
      { level: 'error', message: { text: '<stdin>: empty file: nothing to scan' }, descriptor: { id: 'input-error' } },
    ]);
  });

  it('keeps the most severe results under the per-run limit and says how many were left out', () => {
    const log = sarifLog(sampleResult(), { rules, maxResults: 2 });
    expect(resultsOf(log).map((r) => r.level)).toEqual(['error', 'warning']);
    const notifications = ((run(log).invocations as Json[])[0] as Json).toolExecutionNotifications as Json[];
    expect(notifications.at(-1)).toMatchObject({ level: 'warning', descriptor: { id: 'results-truncated' } });
    expect(((notifications.at(-1) as Json).message as Json).text).toMatch(/^1 less severe result was left out/);
  });
});

describe('SARIF helpers', () => {
  it.each([
    ['critical', 'error'],
    ['high', 'error'],
    ['medium', 'warning'],
    ['low', 'note'],
    ['info', 'note'],
  ] as const)('maps %s to level %s', (severity, level) => {
    expect(sarifLevel(severity)).toBe(level);
  });

  it('names rules in PascalCase', () => {
    expect(sarifRuleName('k8s/no-host-network')).toBe('K8sNoHostNetwork');
    expect(sarifRuleName('dockerfile/no-add')).toBe('DockerfileNoAdd');
  });

  it('writes repository-relative URIs with forward slashes and percent-encoding', () => {
    expect(artifactLocation('deploy/web app.yaml', '/repo')).toEqual({ uri: 'deploy/web%20app.yaml', uriBaseId: SRCROOT });
    expect(artifactLocation('./deploy/#1.yaml', '/repo')).toEqual({ uri: 'deploy/%231.yaml', uriBaseId: SRCROOT });
    expect(artifactLocation('/repo/deploy/web.yaml', '/repo')).toEqual({ uri: 'deploy/web.yaml', uriBaseId: SRCROOT });
    expect(artifactLocation('/elsewhere/web.yaml', '/repo')).toEqual({ uri: 'file:///elsewhere/web.yaml' });
  });
});
