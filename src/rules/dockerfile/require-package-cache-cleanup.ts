import { isInstall, type PackageManager } from '../../analyzers/package-managers.js';
import type { RunScript } from '../../model/dockerfile.js';
import type { ShellCommand } from '../../model/shell.js';
import { defineRule } from '../types.js';
import { commandRange, Keys, runCommands, sitePackage } from './_helpers.js';

/** Where each manager keeps its cache, and the commands that clear it. */
const CACHES: Partial<Record<PackageManager, { paths: RegExp; clean: (c: ShellCommand) => boolean; advice: string }>> = {
  'apt-get': {
    paths: /^\/var\/(lib\/apt\/lists|cache\/apt)/,
    // `apt-get dist-clean` (apt 2.7.8 and later) removes the lists too; `apt-get clean` does not.
    clean: (c) =>
      (c.program === 'rm' && c.args.some((a) => /^\/var\/lib\/apt\/lists(\/\*?)?$/.test(a.text))) ||
      ((c.program === 'apt-get' || c.program === 'apt') && c.args.some((a) => a.value === 'dist-clean')),
    advice: 'rm -rf /var/lib/apt/lists/*',
  },
  yum: {
    paths: /^\/var\/cache\/yum/,
    clean: (c) =>
      (c.program === 'yum' && c.args[0]?.value === 'clean') ||
      (c.program === 'rm' && c.args.some((a) => a.text.startsWith('/var/cache/yum'))),
    advice: 'yum clean all',
  },
  dnf: {
    paths: /^\/var\/cache\/(dnf|libdnf5?)/,
    clean: (c) =>
      (c.program === 'dnf' && c.args[0]?.value === 'clean') ||
      (c.program === 'rm' && c.args.some((a) => /^\/var\/cache\/(dnf|libdnf)/.test(a.text))),
    advice: 'dnf clean all',
  },
  microdnf: {
    paths: /^\/var\/cache\/(dnf|yum|libdnf)/,
    clean: (c) =>
      (c.program === 'microdnf' && c.args[0]?.value === 'clean') ||
      (c.program === 'rm' && c.args.some((a) => a.text.startsWith('/var/cache/'))),
    advice: 'microdnf clean all',
  },
  zypper: {
    paths: /^\/var\/cache\/zypp/,
    clean: (c) =>
      (c.program === 'zypper' && c.args.some((a) => a.value === 'clean' || a.value === 'cc')) ||
      (c.program === 'rm' && c.args.some((a) => a.text.startsWith('/var/cache/zypp'))),
    advice: 'zypper clean --all',
  },
};
CACHES.apt = CACHES['apt-get'];

function cacheMounted(run: RunScript, paths: RegExp): boolean {
  return run.mountsOf('cache').some((m) => paths.test(m.options.target ?? m.options.dst ?? m.options.destination ?? ''));
}

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/require-package-cache-cleanup',
    description: 'Require package manager caches to be removed in the RUN that installs packages',
    rationale:
      'apt lists and yum, dnf and zypper caches left in a layer add tens of megabytes to the final image and a copy of the repository metadata at build time; removing them in a later RUN does not shrink the earlier layer. Smaller images have less to scan, patch and leak.',
    severity: 'low',
    threats: ['vulnerable-image'],
    references: [
      'hadolint DL3009',
      'hadolint DL3032',
      'hadolint DL3036',
      'hadolint DL3040',
      'Docker docs: Building best practices, "apt-get"',
    ],
    remediation:
      'Clean up in the same RUN as the install: `apt-get update && apt-get install -y --no-install-recommends x && rm -rf /var/lib/apt/lists/*` (`yum clean all`, `dnf clean all`, `zypper clean --all`), or use a BuildKit cache mount (`RUN --mount=type=cache,target=/var/cache/apt ...`). Build stages that are not in the final image are not checked.',
    related: [
      { tool: 'hadolint', id: 'DL3009' },
      { tool: 'hadolint', id: 'DL3032' },
      { tool: 'hadolint', id: 'DL3036' },
      { tool: 'hadolint', id: 'DL3040' },
      { tool: 'trivy', id: 'DS015' },
      { tool: 'trivy', id: 'DS019' },
      { tool: 'trivy', id: 'DS020' },
      { tool: 'dockerfilelint', id: 'apt-get_missing_rm' },
    ],
    examples: [
      {
        bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
        good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      },
    ],
  },
  check(document, context) {
    const keys = new Keys();
    const reported = new Set<string>();
    for (const site of runCommands(document, document.stagesInFinalImage)) {
      const pkg = sitePackage(site);
      if (!pkg || !isInstall(pkg)) continue;
      const cache = CACHES[pkg.manager];
      if (!cache) continue;
      const id = `${site.instruction.index}:${pkg.manager}`;
      if (reported.has(id)) continue;
      if (cacheMounted(site.run, cache.paths) || site.run.commands.some((c) => cache.clean(c))) continue;
      reported.add(id);
      context.report({
        message: `${pkg.manager} installs packages in a RUN that does not remove its cache afterwards (${cache.advice}): the cache stays in this layer of the final image.`,
        range: commandRange(site),
        key: keys.of(site.stage, `${pkg.manager} cache`),
      });
    }
  },
});
