import { resourceLimits } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/require-resource-limits',
    description: 'Require memory, CPU and process limits for compose services',
    rationale:
      'Without limits, one service that leaks memory, spins or is made to fork (a fork bomb, a decompression bomb, a flood of requests) starves the host and every other container on it: a denial of service that spreads past the compromised service.',
    severity: 'medium',
    threats: ['resource-starvation'],
    references: ['CIS Docker 5.11', 'CIS Docker 5.12', 'CIS Docker 5.29', 'NIST SP 800-190 4.4.1'],
    remediation:
      'Set `deploy.resources.limits` (`memory: 512M`, `cpus: "0.5"`, `pids: 200`), or the service-level `mem_limit`, `cpus` and `pids_limit`.',
    examples: [
      {
        bad: 'services:\n  web:\n    image: app:1.0\n',
        good: 'services:\n  web:\n    image: app:1.0\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n          cpus: "0.5"\n          pids: 100\n',
      },
    ],
  },
  check(document, context) {
    for (const service of document.services)
      reportIssues(context, resourceLimits(service.spec, { memory: 'memory', cpus: 'cpus', pids: 'pids' }));
  },
});
