import { inlineSecrets } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'docker-run',
  meta: {
    id: 'docker-run/no-inline-secrets',
    description: 'Disallow credentials written inline in docker run -e',
    rationale:
      'A password in `-e DB_PASSWORD=...` is in the script (and its repository), in the shell history and process list of the machine that runs it, and in `docker inspect` of the container.',
    severity: 'high',
    threats: ['secret-theft'],
    references: ['CIS Docker 4.10'],
    remediation:
      'Pass the name only (`-e DB_PASSWORD`, taken from the environment), use `--env-file` with an untracked file, or mount a secret file.',
    examples: [
      {
        bad: '#!/bin/sh\ndocker run -e POSTGRES_PASSWORD=Sup3rS3cret! postgres:16\n',
        good: '#!/bin/sh\ndocker run -e POSTGRES_PASSWORD postgres:16\n',
      },
    ],
  },
  check(command, context) {
    reportIssues(context, inlineSecrets(command.spec), { keyPrefix: `${command.text}|` });
  },
});
