import { isInstall, isPinned, type PackageCommand } from '../../analyzers/package-managers.js';
import type { DockerfileDocument } from '../../model/dockerfile.js';
import type { ShellCommand } from '../../model/shell.js';
import { defineRule } from '../types.js';
import { commandPackage, commandRange, Keys, type RunCommandSite, runCommands, sitePackage } from './_helpers.js';

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/pin-package-versions',
    description: 'Require package versions to be pinned in install commands',
    rationale:
      "An unpinned `apt-get install curl`, `pip install requests` or `npm install -g x` installs whatever version the repository serves on the day of the build. Builds are not reproducible, a vulnerable or malicious new release goes in unnoticed, and a scan of yesterday's image says nothing about today's.",
    severity: 'low',
    threats: ['malicious-payload', 'vulnerable-image'],
    references: [
      'hadolint DL3008',
      'hadolint DL3013',
      'hadolint DL3016',
      'hadolint DL3018',
      'hadolint DL3028',
      'hadolint DL3033',
      'hadolint DL3037',
      'hadolint DL3041',
      'hadolint DL3062',
    ],
    remediation:
      'Name exact versions: `apt-get install curl=7.88.1-10+deb12u8`, `apk add curl=8.9.1-r0`, `pip install requests==2.32.3` (better: `pip install -r requirements.txt` with hashes), `npm install -g pnpm@9.12.0`, `gem install rails:7.2.1`, `go install example.com/tool@v1.4.0`.',
    related: [
      { tool: 'hadolint', id: 'DL3008' },
      { tool: 'hadolint', id: 'DL3013' },
      { tool: 'hadolint', id: 'DL3016' },
      { tool: 'hadolint', id: 'DL3018' },
      { tool: 'hadolint', id: 'DL3028' },
      { tool: 'hadolint', id: 'DL3033' },
      { tool: 'hadolint', id: 'DL3037' },
      { tool: 'hadolint', id: 'DL3041' },
      { tool: 'hadolint', id: 'DL3062' },
    ],
    examples: [
      {
        bad: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n',
        good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n',
      },
    ],
  },
  check(document, context) {
    const keys = new Keys();
    for (const site of runCommands(document)) {
      const pkg = sitePackage(site);
      if (!pkg || !isInstall(pkg)) continue;
      let packages = pkg.packages;
      if (pkg.manager === 'yarn' && pkg.subcommand === 'global') packages = packages.slice(1);
      if (pkg.manager === 'go' && pkg.subcommand !== 'install') continue;
      if (temporaryInstall(document, site, pkg)) continue;
      const unpinned = packages.filter((p) => !isPinned(pkg.manager, p)).map((p) => p.value ?? p.text);
      if (unpinned.length === 0) continue;
      const shown =
        unpinned.length > 5 ? `${unpinned.slice(0, 5).join(', ')} and ${unpinned.length - 5} more` : unpinned.join(', ');
      context.report({
        message: `${pkg.manager} installs ${shown} without a pinned version: each build can get a different release.`,
        range: commandRange(site),
        key: keys.of(site.stage, `${pkg.manager} ${unpinned.join(' ')}`),
      });
    }
  },
});

/**
 * Build dependencies that the same RUN uninstalls again never reach the image:
 * `apk add --virtual .build-deps gcc ...` followed by `apk del .build-deps`, and Debian's
 * `savedAptMark="$(apt-mark showmanual)"; apt-get install ...; apt-mark auto '.*';
 * apt-mark manual $savedAptMark; apt-get purge -y --auto-remove` of the official images.
 */
function temporaryInstall(document: DockerfileDocument, site: RunCommandSite, pkg: PackageCommand): boolean {
  const commands = site.run.commands;
  const at = commands.indexOf(site.command);
  const later = commands.slice(at + 1);
  const args = (c: ShellCommand) => c.args.map((a) => a.value ?? a.text);
  if (pkg.manager === 'apk') {
    const group = pkg.parsed.get('--virtual', '-t')?.value;
    return group !== undefined && later.some((c) => commandPackage(document, c)?.subcommand === 'del' && args(c).includes(group));
  }
  if (pkg.manager !== 'apt-get' && pkg.manager !== 'apt') return false;
  const saved = commands.slice(0, at).some((c) => c.program === 'apt-mark' && args(c).includes('showmanual'));
  const unmarked = later.some((c) => c.program === 'apt-mark' && args(c)[0] === 'auto');
  const purged = later.some((c) => {
    const removal = commandPackage(document, c);
    if (removal?.manager !== 'apt-get' && removal?.manager !== 'apt') return false;
    return (removal.subcommand === 'purge' && removal.parsed.has('--auto-remove')) || removal.subcommand === 'autoremove';
  });
  return saved && unmarked && purged;
}
