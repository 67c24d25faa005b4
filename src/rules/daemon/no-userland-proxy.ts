import { defineRule } from '../types.js';
import { reportMissing, reportSetting } from './_helpers.js';

export default defineRule({
  target: 'daemon',
  meta: {
    id: 'daemon/no-userland-proxy',
    description: 'Require the userland proxy to be disabled',
    rationale:
      'The userland proxy (docker-proxy) runs a process per published port that forwards traffic; iptables/nftables hairpin NAT does the same in the kernel. The proxy is extra attack surface and hides client addresses from the containers.',
    severity: 'low',
    threats: ['network-port-escape'],
    references: ['CIS Docker 2.16'],
    remediation: 'Set `"userland-proxy": false` in daemon.json (requires hairpin NAT support, standard on current kernels).',
    related: [{ tool: 'docker-bench', id: '2.16' }],
    examples: [
      {
        bad: '{ "icc": false }\n',
        good: '{ "userland-proxy": false }\n',
      },
    ],
  },
  check(config, context) {
    const setting = config.get('userland-proxy');
    const value = config.flag('userland-proxy');
    if (value === false) return;
    if (setting && value !== undefined) {
      reportSetting(
        context,
        setting,
        'The userland proxy is enabled: a docker-proxy process forwards each published port.',
        'userland-proxy',
      );
      return;
    }
    reportMissing(
      context,
      config,
      'The userland proxy is enabled: a docker-proxy process forwards each published port.',
      'userland-proxy',
    );
  },
});
