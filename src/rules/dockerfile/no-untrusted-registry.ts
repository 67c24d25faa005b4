import { imageName, isAllowedRegistry } from '../../model/image.js';
import { defineRule } from '../types.js';
import { Keys } from './_helpers.js';

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-untrusted-registry',
    description: 'Disallow base images from registries outside the allowed list',
    rationale:
      'Images pulled from a registry your organisation does not control or mirror can be replaced, typosquatted or taken down, and are not covered by your scanning and signing. An allowed-registry list keeps every base image on a vetted path.',
    severity: 'high',
    threats: ['poisoned-registry', 'malicious-payload'],
    references: ['hadolint DL3026', 'CIS Docker 4.2', 'NIST SP 800-190 4.2.3 (use of untrusted images)'],
    remediation:
      'Pull the base image through an allowed registry or mirror (`FROM registry.example.com/mirror/node:20`), or add the registry to `registries.allowed` in `.greenbelt.yaml` after vetting it. This rule is active when `registries.allowed` (or `--allowed-registry`) lists at least one prefix.',
    related: [{ tool: 'hadolint', id: 'DL3026' }],
    examples: [
      {
        config: 'registries:\n  allowed:\n    - ghcr.io/acme\n',
        bad: 'FROM docker.io/library/node:20\n',
        good: 'FROM ghcr.io/acme/node:20\n',
      },
    ],
  },
  check(document, context) {
    const allowed = context.settings.registries.allowed;
    if (allowed.length === 0) return;
    const keys = new Keys();
    for (const stage of document.stages) {
      if (stage.base.kind !== 'image' || !stage.image) continue;
      const ref = stage.base.ref;
      if (isAllowedRegistry(ref, allowed)) continue;
      context.report({
        message: `The base image "${ref.raw}" of stage ${stage.label} comes from ${imageName(ref)}, which is not under an allowed registry (${allowed.join(', ')}).`,
        range: stage.image.range,
        key: keys.of(stage, ref.raw),
      });
    }
  },
});
