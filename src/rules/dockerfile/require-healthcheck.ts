import { defineRule } from '../types.js';

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/require-healthcheck',
    description: 'Require a HEALTHCHECK in the final image',
    rationale:
      'Without a HEALTHCHECK, Docker and compose only know whether the process exists, not whether it works: a hung, deadlocked or hijacked service keeps receiving traffic and nobody is told. (Kubernetes ignores HEALTHCHECK and uses probes instead; for images only run there, suppress this rule.)',
    severity: 'low',
    threats: ['undetected-activity', 'resource-starvation'],
    references: ['CIS Docker 4.6', 'hadolint DL3057', 'trivy DS026'],
    remediation:
      'Add a check that exercises the service: `HEALTHCHECK --interval=30s --timeout=3s CMD ["wget", "-qO-", "http://127.0.0.1:8080/healthz"]`, or write `HEALTHCHECK NONE` to record that the image deliberately has none.',
    related: [
      { tool: 'hadolint', id: 'DL3057' },
      { tool: 'trivy', id: 'DS026' },
      { tool: 'checkov', id: 'CKV_DOCKER_2' },
    ],
    examples: [
      {
        bad: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n',
        good: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\nHEALTHCHECK CMD ["curl", "-fsS", "http://127.0.0.1/"]\n',
      },
    ],
  },
  check(document, context) {
    const final = document.finalStage;
    if (!final) return;
    if (final.lineage.some((s) => s.all('HEALTHCHECK').length > 0)) return;
    context.report({
      message: `The final stage ${final.label} defines no HEALTHCHECK: Docker cannot tell a running but broken container from a healthy one.`,
      range: final.from.range,
      key: 'no-healthcheck',
    });
  },
});
