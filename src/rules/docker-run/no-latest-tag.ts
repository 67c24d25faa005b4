import { latestImage } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'docker-run',
  meta: {
    id: 'docker-run/no-latest-tag',
    description: 'Disallow docker run of untagged or :latest images',
    rationale:
      'An image without a tag is :latest, which moves: the script runs different code on different days and machines than what was tested.',
    severity: 'medium',
    threats: ['malicious-payload', 'vulnerable-image'],
    references: ['CIS Docker 5.28'],
    remediation: 'Use an explicit version tag, ideally pinned by digest.',
    examples: [
      {
        bad: '#!/bin/sh\ndocker run --rm alpine sh\n',
        good: '#!/bin/sh\ndocker run --rm alpine:3.20 sh\n',
      },
    ],
  },
  check(command, context) {
    reportIssues(context, latestImage(command.spec), { keyPrefix: `${command.text}|` });
  },
});
