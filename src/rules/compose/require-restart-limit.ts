import { unboundedRestart } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/require-restart-limit',
    description: 'Require a retry limit on compose restart policies',
    rationale:
      'A service that restarts forever (`restart: always`, `unless-stopped`) hides a crash loop, and an attacker who can crash it gets unlimited attempts, for example at an exploit that needs a specific memory layout. A capped policy stops and makes the failure visible.',
    severity: 'low',
    threats: ['undetected-activity', 'resource-starvation'],
    references: ['CIS Docker 5.15'],
    remediation: 'Use `restart: on-failure:5`, or `deploy.restart_policy` with `condition: on-failure` and `max_attempts: 5`.',
    examples: [
      {
        bad: 'services:\n  web:\n    image: app:1.0\n    restart: always\n',
        good: 'services:\n  web:\n    image: app:1.0\n    restart: on-failure:5\n',
      },
    ],
  },
  check(document, context) {
    for (const service of document.services) reportIssues(context, unboundedRestart(service.spec));
  },
});
