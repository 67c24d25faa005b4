import { isInstall } from '../../analyzers/package-managers.js';
import { defineRule } from '../types.js';
import { Keys, runCommands, scriptRange, sitePackage } from './_helpers.js';

const SSH_SERVERS = /^(openssh-server|openssh|dropbear|dropbear-bin|tinyssh)([=~<>:]|$)/;

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-ssh',
    description: 'Disallow SSH servers in images and exposing port 22',
    rationale:
      'An SSH daemon in a container is a second way in, with its own credentials to steal or brute-force, its own vulnerabilities and keys baked into the image. `docker exec` and `kubectl exec` give operators a shell without one.',
    severity: 'medium',
    threats: ['network-port-escape', 'lateral-movement'],
    references: ['CIS Docker 5.7', 'trivy DS004', 'hadolint DL3001'],
    remediation:
      'Remove the SSH server package and `EXPOSE 22`; use `docker exec` / `kubectl exec` (or an ephemeral debug container) for access.',
    related: [
      { tool: 'trivy', id: 'DS004' },
      { tool: 'checkov', id: 'CKV_DOCKER_1' },
    ],
    examples: [
      {
        bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-server\nEXPOSE 22\n',
        good: 'FROM debian:12-slim\nEXPOSE 8080\n',
      },
    ],
  },
  check(document, context) {
    const keys = new Keys();
    const final = document.stagesInFinalImage;
    for (const stage of final) {
      for (const instruction of stage.all('EXPOSE')) {
        for (const word of instruction.words) {
          const port = (word.expanded ?? word.value).split('/')[0];
          if (port !== '22') continue;
          context.report({
            message: `EXPOSE ${word.value} publishes the SSH port of the image.`,
            range: word.range,
            key: keys.of(stage, 'expose 22'),
          });
        }
      }
    }
    for (const site of runCommands(document, final)) {
      const pkg = sitePackage(site);
      if (!pkg || !isInstall(pkg)) continue;
      const servers = pkg.packages.filter((p) => SSH_SERVERS.test(p.value ?? p.text));
      if (servers.length === 0) continue;
      context.report({
        message: `The final image installs an SSH server (${servers.map((p) => p.value ?? p.text).join(', ')}).`,
        // Point at the package in the (often long) install list.
        range: scriptRange(site.run, (servers[0] ?? site.command).range),
        key: keys.of(site.stage, 'ssh server'),
      });
    }
  },
});
