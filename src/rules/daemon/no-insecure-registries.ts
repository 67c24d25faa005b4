import { defineRule } from '../types.js';
import { reportSetting } from './_helpers.js';

export default defineRule({
  target: 'daemon',
  meta: {
    id: 'daemon/no-insecure-registries',
    description: 'Disallow insecure (HTTP or unverified TLS) registries',
    rationale:
      'An insecure registry is used over plain HTTP or with TLS certificates that are not verified: anyone on the network path can serve a modified image, which the daemon runs as if it were yours.',
    severity: 'high',
    threats: ['poisoned-registry', 'malicious-payload'],
    references: ['CIS Docker 2.5'],
    remediation:
      'Remove `insecure-registries`; give the registry a valid TLS certificate (or add its CA under /etc/docker/certs.d/<registry>/ca.crt).',
    related: [{ tool: 'docker-bench', id: '2.5' }],
    examples: [
      {
        bad: '{ "insecure-registries": ["registry.internal:5000"] }\n',
        good: '{ "registry-mirrors": ["https://mirror.internal"] }\n',
      },
    ],
  },
  check(config, context) {
    for (const setting of config.all('insecure-registries')) {
      const values = (Array.isArray(setting.value) ? setting.value : [setting.value]).filter(
        (v): v is string => typeof v === 'string' && v.trim() !== '',
      );
      if (values.length === 0) continue;
      reportSetting(
        context,
        setting,
        `The daemon pulls from ${values.join(', ')} without verified TLS: images from there can be swapped on the network.`,
        `insecure:${values.join(',')}`,
      );
    }
  },
});
