import { resourceLimits } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'docker-run',
  meta: {
    id: 'docker-run/require-resource-limits',
    description: 'Require docker run --memory, --cpus and --pids-limit',
    rationale:
      'A container without limits that leaks, spins or is made to fork can starve the host (a CI runner, a server) and everything else on it.',
    severity: 'low',
    threats: ['resource-starvation'],
    references: ['CIS Docker 5.11', 'CIS Docker 5.12', 'CIS Docker 5.29'],
    remediation:
      'Add `--memory 512m --cpus 1 --pids-limit 200` (sized for the workload). Throw-away containers (`docker run --rm` in the foreground, such as build and test tools in CI) are not reported.',
    examples: [
      {
        bad: '#!/bin/sh\ndocker run -d app:1.0\n',
        good: '#!/bin/sh\ndocker run -d --memory 512m --cpus 1 --pids-limit 200 app:1.0\n',
      },
    ],
  },
  check(command, context) {
    // A throw-away `run --rm` container ends with its command: build and test tools in CI.
    if (command.throwAway) return;
    reportIssues(context, resourceLimits(command.spec, { memory: '--memory', cpus: '--cpus', pids: '--pids-limit' }), {
      keyPrefix: `${command.text}|`,
    });
  },
});
