import { defineRule } from '../types.js';
import { Keys } from './_helpers.js';

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/require-digest-pinning',
    description: 'Require base images to be pinned by digest',
    rationale:
      'A tag is a pointer that the publisher (or anyone who takes over the repository or the registry account) can move. Only a digest names exact content: with `@sha256:...` the build is reproducible and a replaced image cannot slip in.',
    severity: 'info',
    threats: ['malicious-payload', 'poisoned-registry'],
    references: ['CIS Docker 4.2', 'SLSA: pinned dependencies', 'Docker docs: Image digests'],
    remediation:
      'Append the digest of the tag you tested: `FROM node:20.12-alpine@sha256:<digest>` (`docker buildx imagetools inspect node:20.12-alpine` prints it), and let Renovate or Dependabot keep it current.',
    related: [{ tool: 'checkov', id: 'CKV_DOCKER_7' }],
    examples: [
      {
        bad: 'FROM alpine:3.20\n',
        good: `FROM alpine:3.20@sha256:${'0'.repeat(64)}\n`,
      },
    ],
  },
  check(document, context) {
    const keys = new Keys();
    for (const stage of document.stages) {
      if (stage.base.kind !== 'image' || !stage.image) continue;
      const ref = stage.base.ref;
      if (ref.digest !== undefined) continue;
      context.report({
        message: `The base image "${ref.raw}" of stage ${stage.label} is not pinned by digest: the tag can be moved to different content.`,
        range: stage.image.range,
        key: keys.of(stage, ref.raw),
      });
    }
  },
});
