import { defineRule } from '../types.js';
import { Keys } from './_helpers.js';

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-latest-tag',
    description: 'Disallow base images without a tag or with the :latest tag',
    rationale:
      'A base image without a tag is `:latest`, and `:latest` moves: every build can pull a different image, with different packages and vulnerabilities, than the one that was reviewed and tested. Whoever controls the repository (or a compromised publisher) changes what you ship without a change in your repository.',
    severity: 'medium',
    threats: ['malicious-payload', 'vulnerable-image'],
    references: [
      'hadolint DL3006',
      'hadolint DL3007',
      'CIS Docker 4.2',
      'Docker docs: Building best practices, "Pin base image versions"',
    ],
    remediation:
      'Name an explicit version tag (`FROM node:20.12-bookworm-slim`), and preferably pin the digest too (`FROM node:20.12-bookworm-slim@sha256:...`) with a bot such as Renovate or Dependabot updating it.',
    related: [
      { tool: 'hadolint', id: 'DL3006' },
      { tool: 'hadolint', id: 'DL3007' },
      { tool: 'trivy', id: 'DS001' },
      { tool: 'dockerfilelint', id: 'missing_tag' },
      { tool: 'dockerfilelint', id: 'latest_tag' },
      { tool: 'checkov', id: 'CKV_DOCKER_7' },
    ],
    examples: [
      {
        bad: 'FROM ubuntu\nRUN echo hello\n',
        good: 'FROM ubuntu:24.04\nRUN echo hello\n',
      },
    ],
  },
  check(document, context) {
    const keys = new Keys();
    for (const stage of document.stages) {
      if (stage.base.kind !== 'image' || !stage.image) continue;
      const ref = stage.base.ref;
      if (ref.digest !== undefined) continue;
      if (ref.tag !== undefined && ref.tag !== 'latest') continue;
      const what = ref.tag === undefined ? 'has no tag, so it is ":latest"' : 'uses the ":latest" tag';
      // `FROM ${REGISTRY}/base:${BASE_VERSION}` with `ARG BASE_VERSION=latest`: say where it comes from.
      const written = stage.image.value;
      const name = written.slice(written.lastIndexOf('/') + 1);
      const tagPart = ref.tag === undefined ? written : name.includes(':') ? name.slice(name.lastIndexOf(':')) : written;
      const args = [...tagPart.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? '');
      const from =
        args.length > 0
          ? ` (from the default of build argument${args.length > 1 ? 's' : ''} ${args.join(', ')}; a build without --build-arg gets it)`
          : '';
      context.report({
        message: `The base image "${ref.raw}" of stage ${stage.label} ${what}${from}: each build may pull a different image than the one you reviewed and tested.`,
        range: stage.image.range,
        key: keys.of(stage, ref.raw),
      });
    }
  },
});
