import { describe, expect, it } from 'vitest';
import { ofRule, scanText } from '../../testing/index.js';
import { allRules } from '../index.js';

const privileged = (comment: string, annotations = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
${annotations}spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
${comment}        privileged: true
`;

describe('meta/unused-suppression', () => {
  it('does not report a comment that suppresses a finding, and the finding is suppressed', async () => {
    const result = await scanText(privileged('        # greenbelt-ignore k8s/no-privileged: CNI agent\n'));
    expect(ofRule(result, 'meta/unused-suppression')).toEqual([]);
    const suppressed = result.findings.filter((f) => f.rule === 'k8s/no-privileged');
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]?.suppressed).toEqual({ by: 'comment', reason: 'CNI agent' });
  });

  it('reports a comment whose line below has no finding of that rule', async () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    # greenbelt-ignore k8s/no-privileged: old exception
    - name: web
      image: nginx:1.27
`;
    const found = ofRule(await scanText(text), 'meta/unused-suppression');
    expect(found.map((f) => [f.line, f.column, f.message])).toEqual([
      [7, 5, 'Suppression comment for k8s/no-privileged matches no finding on the line below.'],
    ]);
  });

  it('reports a comment naming a rule that does not exist', async () => {
    const found = ofRule(
      await scanText(privileged('        # greenbelt-ignore k8s/no-such-rule: typo\n')),
      'meta/unused-suppression',
    );
    expect(found.map((f) => f.message)).toEqual(['Suppression comment names "k8s/no-such-rule", which is not a greenbelt rule.']);
  });

  it('reports an annotation that suppresses nothing, at the annotation', async () => {
    const annotations = '  annotations:\n    ignore.greenbelt.dev/k8s.no-privileged: "legacy"\n';
    const text = privileged('', annotations).replace('privileged: true', 'privileged: false');
    const found = ofRule(await scanText(text), 'meta/unused-suppression');
    expect(found.map((f) => [f.line, f.path])).toEqual([[6, '/metadata/annotations/ignore.greenbelt.dev~1k8s.no-privileged']]);
  });

  it('treats a used annotation as used and suppresses the finding by annotation', async () => {
    const annotations = '  annotations:\n    ignore.greenbelt.dev/k8s.no-privileged: "node agent"\n';
    const result = await scanText(privileged('', annotations));
    expect(ofRule(result, 'meta/unused-suppression')).toEqual([]);
    expect(result.findings.find((f) => f.rule === 'k8s/no-privileged')?.suppressed).toEqual({
      by: 'annotation',
      reason: 'node agent',
    });
  });

  it('reports a config exemption that matches nothing', async () => {
    const result = await scanText(privileged(''), {
      config: (config) => {
        config.exemptions.push({
          reason: 'kube-system agents',
          rules: ['k8s/no-privileged'],
          namespaces: ['kube-system'],
          kinds: [],
          names: [],
          paths: [],
        });
      },
    });
    expect(ofRule(result, 'meta/unused-suppression').map((f) => f.message)).toEqual([
      'Config exemption ("kube-system agents") matches no finding.',
    ]);
    expect(ofRule(result, 'k8s/no-privileged')).toHaveLength(1);
  });

  it('stays quiet about a suppression for a rule that is switched off', async () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    # greenbelt-ignore k8s/no-privileged: old exception
    - name: web
      image: nginx:1.27
`;
    const result = await scanText(text, {
      config: (c) => {
        c.rules['k8s/no-privileged'] = { enabled: false };
      },
    });
    expect(ofRule(result, 'meta/unused-suppression')).toEqual([]);
  });

  it('is registered', () => {
    expect(allRules.some((r) => r.meta.id === 'meta/unused-suppression')).toBe(true);
  });

  it("does not report hadolint comments that no greenbelt finding needed: they are hadolint's", async () => {
    const text = [
      'FROM maven:3.9 AS build',
      '# hadolint ignore=DL3002',
      'USER 0',
      'FROM rockylinux:9',
      '# hadolint ignore=DL3005,DL3033',
      'RUN yum install -y iptables && yum clean all',
      'USER 1000',
      '',
    ].join('\n');
    const result = await scanText(text, { filename: 'Dockerfile' });
    expect(result.findings.find((f) => f.rule === 'dockerfile/pin-package-versions')?.suppressed?.by).toBe('comment');
    expect(ofRule(result, 'meta/unused-suppression')).toEqual([]);
  });

  it('still reports an unused greenbelt-ignore comment in a Dockerfile', async () => {
    const text = 'FROM alpine:3.20\n# greenbelt-ignore dockerfile/no-sudo: old\nRUN echo hi\nUSER 1000\n';
    const found = ofRule(await scanText(text, { filename: 'Dockerfile' }), 'meta/unused-suppression');
    expect(found.map((f) => f.line)).toEqual([2]);
  });
});
