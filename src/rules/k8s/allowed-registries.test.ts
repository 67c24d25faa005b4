import { describe, expect, it } from 'vitest';
import { ofRule, scanText, testRule } from '../../testing/index.js';
import rule from './allowed-registries.js';

const pod = (...images: string[]) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
${images.map((image, i) => `    - name: c${i}\n      image: ${image}\n`).join('')}`;

const allow =
  (...prefixes: string[]) =>
  (settings: { registries: { allowed: string[] } }) => {
    settings.registries.allowed = prefixes;
  };

describe('k8s/allowed-registries', () => {
  testRule(rule, {
    valid: [
      { name: 'an empty list allows everything', code: pod('docker.io/someone/app:1.0') },
      { name: 'allowed registry host', code: pod('registry.k8s.io/pause:3.10'), settings: allow('registry.k8s.io') },
      { name: 'allowed path prefix', code: pod('ghcr.io/acme/web:2.0.0'), settings: allow('ghcr.io/acme/') },
      { name: 'Docker Hub official images by library/', code: pod('nginx:1.27'), settings: allow('docker.io/library/') },
    ],
    invalid: [
      {
        name: 'a prefix matches at a path boundary only',
        code: pod('ghcr.io/acme/web:2.0.0', 'ghcr.io/acmecorp/web:2.0.0'),
        settings: allow('ghcr.io/acme'),
        findings: [
          {
            line: 10,
            severity: 'high',
            path: '/spec/containers/1/image',
            message: /\(ghcr\.io\/acmecorp\/web\), which is not from an allowed registry \(ghcr\.io\/acme\)/,
          },
        ],
      },
      {
        name: 'implicit Docker Hub is not registry.k8s.io',
        code: pod('nginx:1.27'),
        settings: allow('registry.k8s.io'),
        findings: [{ line: 8, message: /docker\.io\/library\/nginx/ }],
      },
    ],
  });

  it('reads registries.allowed from .greenbelt.yaml settings', async () => {
    const result = await scanText(pod('quay.io/x/y:1'), {
      rules: [rule],
      config: (c) => {
        c.settings.registries.allowed = ['ghcr.io/acme/'];
      },
    });
    expect(ofRule(result, 'k8s/allowed-registries')).toHaveLength(1);
  });
});
