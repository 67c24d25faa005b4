import { describe, expect, it } from 'vitest';
import { ofRule, scanText } from '../../testing/index.js';

const pod = (privilegedLine: string, annotations = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
${annotations}spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
${privilegedLine}
`;

describe('meta/suppression-without-reason', () => {
  it('reports a trailing comment with no reason, and the suppression still applies', async () => {
    const result = await scanText(pod('        privileged: true # greenbelt-ignore k8s/no-privileged'));
    expect(ofRule(result, 'meta/suppression-without-reason').map((f) => [f.line, f.column, f.message])).toEqual([
      [10, 26, 'Suppression comment for k8s/no-privileged gives no reason.'],
    ]);
    expect(ofRule(result, 'k8s/no-privileged')).toEqual([]);
  });

  it('accepts a comment with a reason', async () => {
    const result = await scanText(pod('        privileged: true # greenbelt-ignore k8s/no-privileged: device plugin'));
    expect(ofRule(result, 'meta/suppression-without-reason')).toEqual([]);
  });

  it('reports an annotation with an empty value', async () => {
    const result = await scanText(
      pod('        privileged: true', '  annotations:\n    ignore.greenbelt.dev/k8s.no-privileged: ""\n'),
    );
    expect(ofRule(result, 'meta/suppression-without-reason').map((f) => f.line)).toEqual([6]);
  });

  it('does not ask hadolint comments for a reason', async () => {
    const result = await scanText('FROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add curl\n', { filename: 'notes.yaml' });
    expect(ofRule(result, 'meta/suppression-without-reason')).toEqual([]);
  });
});
