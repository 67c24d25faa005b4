import { isUpgrade } from '../../analyzers/package-managers.js';
import { defineRule } from '../types.js';
import { commandRange, commandText, Keys, runCommands, sitePackage } from './_helpers.js';

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-package-upgrade',
    description: 'Disallow upgrading all packages of the base image in a Dockerfile',
    rationale:
      '`apt-get upgrade`, `dist-upgrade`, `apk upgrade` or `yum update` make the image depend on the day it was built: two builds of the same Dockerfile differ, and what was tested is not what ships. Upgrades that need init or device changes can also fail or half-apply in a container. Security fixes belong in a rebuilt, patched base image.',
    severity: 'low',
    threats: ['vulnerable-image', 'malicious-payload'],
    references: ['hadolint DL3005', 'hadolint DL3035', 'CIS Docker 4.7', 'Docker docs: Building best practices, "apt-get"'],
    remediation:
      'Rebuild on a current, patched tag of the base image (and pin it by digest) instead of upgrading in place; install specific packages with `apt-get install -y --no-install-recommends pkg=version` when one fix is needed.',
    related: [
      { tool: 'hadolint', id: 'DL3005' },
      { tool: 'hadolint', id: 'DL3035' },
      { tool: 'trivy', id: 'DS024' },
      { tool: 'dockerfilelint', id: 'apt-get-upgrade' },
      { tool: 'dockerfilelint', id: 'apt-get-dist-upgrade' },
    ],
    examples: [
      {
        bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get -y dist-upgrade\n',
        good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8\n',
      },
    ],
  },
  check(document, context) {
    const keys = new Keys();
    for (const site of runCommands(document)) {
      const pkg = sitePackage(site);
      if (!pkg || !isUpgrade(pkg)) continue;
      context.report({
        message: `"${commandText(site.command)}" upgrades every package at build time: the image depends on the day it is built. Rebuild on a patched base image instead.`,
        range: commandRange(site),
        key: keys.of(site.stage, commandText(site.command)),
      });
    }
  },
});
