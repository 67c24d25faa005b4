import { defineRule } from '../types.js';
import { isLoopback, reportSetting, tcpHosts } from './_helpers.js';

export default defineRule({
  target: 'daemon',
  meta: {
    id: 'daemon/no-tcp-without-tls',
    description: 'Disallow the Docker API on a TCP socket without TLS client authentication',
    rationale:
      "The Docker API is root on the host: whoever can reach it starts a privileged container with the host's filesystem mounted. On a TCP socket without `tlsverify` there is no authentication at all (`tls` alone encrypts but accepts any client); Internet scanners find exposed 2375 ports within minutes and cryptominers use them.",
    severity: 'critical',
    threats: ['host-compromise', 'control-plane-exposure'],
    references: ['CIS Docker 2.7', 'Docker docs: Protect the Docker daemon socket'],
    remediation:
      'Listen on the Unix socket only (`"hosts": ["unix:///var/run/docker.sock"]`) and use SSH (`DOCKER_HOST=ssh://user@host`) for remote access; or require client certificates: `"tlsverify": true` with `tlscacert`, `tlscert` and `tlskey`. A listener on loopback is high, on any other address critical.',
    related: [{ tool: 'docker-bench', id: '2.7' }],
    examples: [
      {
        bad: '{\n  "hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2375"]\n}\n',
        good: '{\n  "hosts": ["unix:///var/run/docker.sock"]\n}\n',
      },
    ],
  },
  check(config, context) {
    const verify = config.flag('tlsverify') === true;
    if (verify) return;
    const tls = config.flag('tls') === true || config.get('tlscert') !== undefined;
    for (const { setting, host } of tcpHosts(config)) {
      const local = isLoopback(host.host);
      reportSetting(
        context,
        setting,
        `The Docker API listens on ${host.text} ${tls ? 'with TLS but without client verification (tlsverify)' : 'without TLS'}: ${local ? 'any process on the host' : 'anyone who can reach the address'} can control the daemon and, through it, the host.`,
        `tcp:${host.text}`,
        local ? 'high' : 'critical',
      );
    }
  },
});
