/**
 * The JSON output follows the finding contract exactly: real output of the command, in every
 * shape it takes (findings, suppressed findings, errors, skipped files), validates against the
 * committed schema docs/schema/scan-result.schema.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonReport } from '../src/report/json.js';
import type { JsonSchema } from '../src/report/schema.js';
import { validate } from '../src/testing/json-schema.js';
import { sampleResult } from '../src/testing/report-sample.js';
import { privilegedPod, root, runBin, tree } from './support/cli.js';

const schema = JSON.parse(readFileSync(join(root, 'docs', 'schema', 'scan-result.schema.json'), 'utf8')) as JsonSchema;

describe('the JSON report schema', () => {
  const t = tree({
    'deploy/web.yaml': privilegedPod('web'),
    'deploy/cluster.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n',
    'deploy/annotated.yaml': privilegedPod(
      'annotated',
      'shop',
      '  annotations:\n    ignore.greenbelt.dev/k8s.no-privileged: "accepted"\n',
    ),
    'deploy/broken.yaml': 'kind: [\n',
    'deploy/notes.txt': 'not yaml\n',
    'deploy/stale.yaml': `# greenbelt-ignore-file k8s/no-privileged\n${privilegedPod('stale').replace('privileged: true', 'privileged: false')}`,
  });
  afterAll(() => t.cleanup());

  it('validates real output with findings, suppressed findings, errors and skipped files', async () => {
    const run = await runBin(['scan', 'deploy', '-f', 'json', '--show-suppressed', '--verbose'], { cwd: t.dir });
    const output = JSON.parse(run.stdout) as {
      findings: { suppressed: unknown; object?: { namespace?: string } }[];
      errors: unknown[];
      skipped?: unknown[];
    };
    // The output exercises each part of the contract, so the validation below means something.
    expect(output.findings.some((f) => f.suppressed === null)).toBe(true);
    expect(output.findings.some((f) => f.suppressed !== null)).toBe(true);
    expect(output.errors.length).toBeGreaterThan(0);
    expect(output.skipped?.length).toBeGreaterThan(0);
    expect(validate(output, schema)).toEqual([]);
  });

  it('validates output of a clean scan, and of the report built from a hand-made result', async () => {
    const run = await runBin(['scan', 'deploy/cluster.yaml', '-f', 'json'], { cwd: t.dir });
    expect(validate(JSON.parse(run.stdout), schema)).toEqual([]);
    expect(
      validate(JSON.parse(JSON.stringify(jsonReport(sampleResult(), { showSuppressed: true, verbose: true }))), schema),
    ).toEqual([]);
  });

  it('rejects output that breaks the contract', () => {
    const report = JSON.parse(JSON.stringify(jsonReport(sampleResult()))) as {
      findings: Record<string, unknown>[];
      summary: Record<string, unknown>;
    };
    const first = report.findings[0] as Record<string, unknown>;
    first.severity = 'urgent';
    delete first.fingerprint;
    first.line = 0;
    (report.summary.findings as Record<string, unknown>).severe = 1;
    const errors = validate(report, schema).map((e) => `${e.at}: ${e.message}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/findings\/0\/severity: "urgent" is not one of/),
        '/findings/0: missing required property fingerprint',
        '/findings/0/line: 0 is less than 1',
        '/summary/findings/severe: unexpected property severe',
      ]),
    );
  });
});
