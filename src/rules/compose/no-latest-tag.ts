import { latestImage } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/no-latest-tag',
    description: 'Disallow compose services with untagged or :latest images',
    rationale:
      'An image without a tag is `:latest`, which moves: each `docker compose pull` can run different code, with different vulnerabilities, than what was reviewed and tested, and a compromised publisher ships straight into your deployment.',
    severity: 'medium',
    threats: ['malicious-payload', 'vulnerable-image'],
    references: ['CIS Docker 5.28', 'hadolint DL3007'],
    remediation: 'Use an explicit version tag (`postgres:16.4-alpine`), ideally pinned by digest (`@sha256:...`).',
    examples: [
      {
        bad: 'services:\n  cache:\n    image: redis\n',
        good: 'services:\n  cache:\n    image: redis:7.4-alpine\n',
      },
    ],
  },
  check(document, context) {
    for (const service of document.services) reportIssues(context, latestImage(service.spec));
  },
});
