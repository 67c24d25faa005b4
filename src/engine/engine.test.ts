import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../model/k8s.js';
import type { ObjectSet } from '../model/object-set.js';
import noPrivileged from '../rules/k8s/no-privileged.js';
import { type AnyRule, defineRule } from '../rules/types.js';
import { scan } from '../scan.js';
import { scanText } from '../testing/index.js';

const pod = (containers: string[], prefix = '') => `${prefix}apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
${containers.map((name) => `    - name: ${name}\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n`).join('')}`;

const fingerprints = async (text: string, rules: AnyRule[] = [noPrivileged]) =>
  (await scanText(text, { rules })).findings.map((f) => f.fingerprint);

describe('finding fingerprints', () => {
  it('do not change when lines move', async () => {
    const before = await fingerprints(pod(['app']));
    const after = await fingerprints(pod(['app'], '# a comment\n\n# and a blank line above\n'));
    expect(before).toHaveLength(1);
    expect(after).toEqual(before);
  });

  it('follow named list items, so inserting a container keeps the others', async () => {
    const [app] = await fingerprints(pod(['app']));
    const both = await fingerprints(pod(['sidecar', 'app']));
    expect(both).toHaveLength(2);
    expect(both[1]).toBe(app);
    expect(both[0]).not.toBe(app);
  });

  it('differ between files and objects', async () => {
    const [a] = (await scanText(pod(['app']), { rules: [noPrivileged], filename: 'a.yaml' })).findings.map((f) => f.fingerprint);
    const [b] = (await scanText(pod(['app']), { rules: [noPrivileged], filename: 'b.yaml' })).findings.map((f) => f.fingerprint);
    const [c] = await fingerprints(pod(['app']).replace('name: web', 'name: api'));
    expect(new Set([a, b, c]).size).toBe(3);
  });

  it('know a range-only finding by its text and occurrence, not its offset', async () => {
    const commentRule = defineRule({
      target: 'suppressions',
      meta: {
        id: 'test/comments',
        description: 'Disallow suppression comments, to test range fingerprints',
        rationale: 'A test rule reporting each suppression comment by its source range and nothing else.',
        severity: 'low',
        threats: ['undetected-activity'],
        references: ['test'],
        remediation: 'Nothing to do; this rule exists for a test.',
        examples: [],
      },
      check(index, context) {
        for (const directive of index.comments) {
          const source = index.sources.get(directive.file);
          if (!source) continue;
          const start = source.offsetAt(directive.line, directive.column);
          context.report({ source, range: [start, start + source.lineText(directive.line).trim().length], message: 'comment' });
        }
      },
    }) as AnyRule;
    const text = '# greenbelt-ignore k8s/a: one\n# greenbelt-ignore k8s/a: one\nkey: value\n';
    const first = await fingerprints(text, [commentRule]);
    const moved = await fingerprints(`\n\n# unrelated\n${text}`, [commentRule]);
    expect(first).toHaveLength(2);
    expect(new Set(first).size).toBe(2);
    expect(moved).toEqual(first);
  });
});

describe('rule failures', () => {
  const failing = (error: () => never) =>
    defineRule({
      target: 'k8s',
      meta: { ...noPrivileged.meta, id: 'test/failing' },
      check() {
        error();
      },
    }) as AnyRule;

  it('become errors naming the rule, and the other rules still run', async () => {
    const result = await scanText(pod(['app']), {
      rules: [
        failing(() => {
          throw new TypeError('boom');
        }),
        noPrivileged,
      ],
    });
    expect(result.errors).toEqual([
      { file: 'example.yaml', line: 1, column: 1, message: 'internal error in rule test/failing: boom (please report this)' },
    ]);
    expect(result.findings.map((f) => f.rule)).toEqual(['k8s/no-privileged']);
  });

  it('say so when a document is nested too deeply for a rule', async () => {
    const recurse = (n: number): number => recurse(n + 1) + 1;
    const result = await scanText(pod(['app']), {
      rules: [
        failing(() => {
          recurse(0);
          throw new Error('unreachable');
        }),
      ],
    });
    expect(result.errors.map((e) => e.message)).toEqual(['nested too deeply for rule test/failing to check; not checked by it']);
  });
});

describe('rule order', () => {
  const rule = (id: string, target: 'k8s' | 'k8s-set' | 'workload', check: (subject: unknown) => void) =>
    defineRule({
      target,
      meta: { ...noPrivileged.meta, id },
      check(subject: unknown) {
        check(subject);
      },
    } as Parameters<typeof defineRule>[0]) as AnyRule;

  it('runs set-wide rules first and drops their analyses before the others, but reports in rule order', async () => {
    const seen: string[] = [];
    let builds = 0;
    const rules = [
      rule('test/object', 'k8s', () => {
        seen.push('object');
        throw new Error('object rule');
      }),
      rule('test/set', 'k8s-set', (set) => {
        seen.push('set');
        (set as ObjectSet).analysis('test/analysis', () => ++builds);
        throw new Error('set rule');
      }),
      rule('test/set-again', 'k8s-set', (set) => {
        (set as ObjectSet).analysis('test/analysis', () => ++builds);
      }),
    ];
    const result = await scanText(pod(['app']), { rules });
    expect(seen).toEqual(['set', 'object']);
    expect(builds).toBe(1);
    expect(result.errors.map((e) => e.message)).toEqual([
      'internal error in rule test/object: object rule (please report this)',
      'internal error in rule test/set: set rule (please report this)',
    ]);
  });

  it('checks each subject with every rule of its target before the next subject', async () => {
    const seen: string[] = [];
    const name = (subject: unknown) => (subject as K8sObject).name;
    const rules = [
      rule('test/a', 'k8s', (subject) => seen.push(`a ${name(subject)}`)),
      rule('test/b', 'k8s', (subject) => seen.push(`b ${name(subject)}`)),
    ];
    await scanText(`${pod(['app'])}---\n${pod(['app']).replace('name: web', 'name: api')}`, { rules });
    expect(seen).toEqual(['a web', 'b web', 'a api', 'b api']);
  });

  it('calls the collector where the analyses and then the workload views are dropped', async () => {
    let calls = 0;
    const result = await scan({
      paths: ['-'],
      stdin: pod(['app']),
      config: false,
      rules: [noPrivileged],
      collect: () => {
        calls++;
      },
    });
    expect(result.findings).toHaveLength(1);
    expect(calls).toBe(2);
  });
});
