import { inlineSecrets } from '../../analyzers/container-checks.js';
import { reportIssues } from '../container-report.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'compose',
  meta: {
    id: 'compose/no-inline-secrets',
    description: 'Disallow credentials written inline in compose environment variables',
    rationale:
      'Passwords and tokens written into the compose file are committed to the repository, readable by everyone with access to it, shown by `docker inspect` and inherited by every process in the container. Compose secrets keep them out of the file and the environment.',
    severity: 'high',
    threats: ['secret-theft'],
    references: ['CIS Docker 4.10', 'Compose Specification: secrets', 'OWASP Docker Security Cheat Sheet, rule 12'],
    remediation:
      "Use compose `secrets:` (a file or an external secret mounted at /run/secrets/<name>) with the image's `*_FILE` variables (`POSTGRES_PASSWORD_FILE: /run/secrets/db_password`), or interpolate from the environment or an untracked .env file (`${DB_PASSWORD}`).",
    examples: [
      {
        bad: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: s3cr3t-pass-123\n',
        good: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets:\n      - db_password\nsecrets:\n  db_password:\n    file: ./db_password.txt\n',
      },
    ],
  },
  check(document, context) {
    for (const service of document.services) reportIssues(context, inlineSecrets(service.spec));
  },
});
