import { defineRule } from '../types.js';
import { reportMissing } from './_helpers.js';

export default defineRule({
  target: 'daemon',
  meta: {
    id: 'daemon/require-content-trust',
    description: 'Require image signature verification (content trust)',
    rationale:
      'Without signature verification the daemon runs whatever image a tag points to. Docker Content Trust (`DOCKER_CONTENT_TRUST=1` for clients, or `content-trust` mode `enforced` on Docker Enterprise engines) refuses unsigned images; cosign or notation policies do the same at admission.',
    severity: 'info',
    threats: ['malicious-payload', 'poisoned-registry'],
    references: ['CIS Docker 4.5', 'Docker docs: Content trust in Docker'],
    remediation:
      "Set `DOCKER_CONTENT_TRUST=1` in the environment of every client that pulls and runs images (CI, deploy scripts, the docker service's Environment=), or enforce signatures where images are admitted (cosign/notation policies).",
    related: [{ tool: 'docker-bench', id: '4.5' }],
    examples: [
      {
        bad: '{ "icc": false }\n',
        good: '{ "content-trust": { "mode": "enforced" } }\n',
      },
    ],
  },
  check(config, context) {
    if (config.env('content-trust.mode')?.value === 'enforced') return;
    const trust = config.env('DOCKER_CONTENT_TRUST');
    if (trust && /^(1|true)$/i.test(trust.value.trim())) return;
    reportMissing(
      context,
      config,
      'Image signatures are not enforced: no DOCKER_CONTENT_TRUST=1 in the daemon\'s environment and no content-trust mode "enforced". Unsigned or swapped images run.',
      'content-trust',
    );
  },
});
