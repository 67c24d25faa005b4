import { defineRule } from '../types.js';

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-maintainer',
    description: 'Disallow the deprecated MAINTAINER instruction',
    rationale:
      'MAINTAINER has been deprecated since Docker 1.13 and is invisible to tools that read the standard OCI labels, so the image appears to have no owner to contact about a vulnerability.',
    severity: 'info',
    threats: ['vulnerable-image'],
    references: ['hadolint DL4000', 'trivy DS022', 'Docker docs: MAINTAINER (deprecated)'],
    remediation: 'Replace it with a label: `LABEL org.opencontainers.image.authors="team@example.com"`.',
    related: [
      { tool: 'hadolint', id: 'DL4000' },
      { tool: 'trivy', id: 'DS022' },
    ],
    examples: [
      {
        bad: 'FROM alpine:3.20\nMAINTAINER ops@example.com\n',
        good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="ops@example.com"\n',
      },
    ],
  },
  check(document, context) {
    for (const instruction of document.instructions) {
      if (instruction.keyword !== 'MAINTAINER') continue;
      context.report({
        message: 'MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors instead.',
        range: instruction.keywordRange,
        key: `maintainer:${instruction.argsText}`,
      });
    }
  },
});
