import { defineRule } from '../types.js';

const WANTED = ['source', 'revision', 'version'];

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/require-oci-labels',
    description: 'Require OCI image labels that trace an image to its source',
    rationale:
      'Labels such as `org.opencontainers.image.source`, `.revision` and `.version` tell whoever finds the image in a registry or on a node where it comes from and which commit it was built from: what incident responders and vulnerability triage need first.',
    severity: 'info',
    threats: ['vulnerable-image', 'malicious-payload'],
    references: ['OCI image spec: Pre-defined annotation keys', 'hadolint DL3049'],
    remediation:
      'Add the labels, usually from build arguments: `ARG VERSION REVISION` then `LABEL org.opencontainers.image.source="https://github.com/org/repo" org.opencontainers.image.revision="$REVISION" org.opencontainers.image.version="$VERSION"` (docker/metadata-action sets them in GitHub Actions).',
    related: [{ tool: 'hadolint', id: 'DL3049' }],
    examples: [
      {
        bad: 'FROM alpine:3.20\n',
        good: 'FROM alpine:3.20\nARG REVISION VERSION\nLABEL org.opencontainers.image.source="https://github.com/acme/app" \\\n      org.opencontainers.image.revision="$REVISION" \\\n      org.opencontainers.image.version="$VERSION"\n',
      },
    ],
  },
  check(document, context) {
    const final = document.finalStage;
    if (!final) return;
    const keys = new Set(final.lineage.flatMap((s) => s.all('LABEL').flatMap((i) => i.pairs.map((p) => p.key))));
    const missing = WANTED.filter((name) => !keys.has(`org.opencontainers.image.${name}`));
    if (missing.length === 0) return;
    context.report({
      message: `The final image has no ${missing.map((m) => `org.opencontainers.image.${m}`).join(', ')} label${missing.length > 1 ? 's' : ''}: it cannot be traced back to its source.`,
      range: final.from.range,
      key: 'oci-labels',
    });
  },
});
