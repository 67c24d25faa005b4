import { defineRule } from '../types.js';
import { isAllInterfaces, reportSetting, tcpHosts } from './_helpers.js';

export default defineRule({
  target: 'daemon',
  meta: {
    id: 'daemon/no-tcp-on-all-interfaces',
    description: 'Disallow the Docker API on all network interfaces, even with TLS',
    rationale:
      "With TLS client verification the API needs a client certificate, but it is still the daemon's full root API, listening on every interface of the host: a stolen or wrongly issued certificate, or a TLS flaw, is enough from anywhere that can reach the host.",
    severity: 'high',
    threats: ['control-plane-exposure', 'host-compromise'],
    references: ['CIS Docker 2.7', 'Docker docs: Protect the Docker daemon socket'],
    remediation:
      'Bind the API to a management address (`tcp://10.0.0.5:2376`) reachable only from admin networks, or use SSH for remote access.',
    related: [{ tool: 'docker-bench', id: '2.7' }],
    examples: [
      {
        bad: '{ "hosts": ["tcp://0.0.0.0:2376"], "tlsverify": true }\n',
        good: '{ "hosts": ["tcp://10.0.0.5:2376"], "tlsverify": true }\n',
      },
    ],
  },
  check(config, context) {
    if (config.flag('tlsverify') !== true) return; // no-tcp-without-tls reports it
    for (const { setting, host } of tcpHosts(config)) {
      if (!isAllInterfaces(host.host)) continue;
      reportSetting(
        context,
        setting,
        `The Docker API listens on every interface (${host.text}); with TLS it needs a client certificate, but it is reachable from every network the host is on.`,
        `all:${host.text}`,
      );
    }
  },
});
