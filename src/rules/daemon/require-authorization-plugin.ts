import { defineRule } from '../types.js';
import { reportMissing } from './_helpers.js';

export default defineRule({
  target: 'daemon',
  meta: {
    id: 'daemon/require-authorization-plugin',
    description: 'Require an authorization plugin for the Docker API',
    rationale:
      'Without an authorization plugin, anyone who can talk to the daemon can do anything: start privileged containers, mount the host, read every secret. An authorization plugin (OPA, Casbin, ...) enforces per-user policies on API calls.',
    severity: 'info',
    threats: ['host-compromise', 'privilege-escalation'],
    references: ['CIS Docker 2.12'],
    remediation:
      'Configure an authorization plugin: `"authorization-plugins": ["opa-docker-authz"]`, or restrict access to the socket and to the docker group.',
    related: [{ tool: 'docker-bench', id: '2.12' }],
    examples: [
      {
        bad: '{ "icc": false }\n',
        good: '{ "authorization-plugins": ["opa-docker-authz"] }\n',
      },
    ],
  },
  check(config, context) {
    const plugins = config.all('authorization-plugins').flatMap((s) => (Array.isArray(s.value) ? s.value : [s.value]));
    if (plugins.some((p) => typeof p === 'string' && p.trim() !== '')) return;
    reportMissing(
      context,
      config,
      'No authorization plugin is configured: every client of the Docker API can do everything.',
      'authz',
    );
  },
});
