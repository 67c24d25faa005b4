import type { RunScript } from '../../model/dockerfile.js';
import { defineRule } from '../types.js';
import { commandRange, Keys, type RunCommandSite, runCommands, sitePackage } from './_helpers.js';

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/require-apk-no-cache',
    description: 'Require apk add to use --no-cache so that no package index stays in the image',
    rationale:
      'Without `--no-cache`, `apk add` leaves the package index in /var/cache/apk in the layer, and so does an `apk update` before it: dead weight and stale repository metadata in the final image.',
    severity: 'low',
    threats: ['vulnerable-image'],
    references: ['hadolint DL3019', 'Alpine wiki: Alpine Package Keeper, "--no-cache"'],
    remediation:
      'Use `apk add --no-cache <packages>`, which fetches the index to a temporary place and leaves no cache behind, and drop `apk update` (or remove /var/cache/apk/* in the same RUN).',
    related: [
      { tool: 'hadolint', id: 'DL3019' },
      { tool: 'trivy', id: 'DS025' },
      { tool: 'dockerfilelint', id: 'apkadd-missing_nocache_or_updaterm' },
    ],
    examples: [
      {
        bad: 'FROM alpine:3.20\nRUN apk update && apk add curl\n',
        good: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      },
    ],
  },
  check(document, context) {
    const keys = new Keys();
    // One finding per RUN: the `apk add` without --no-cache when there is one, else the `apk update`.
    const chosen = new Map<RunScript, { site: RunCommandSite; update: boolean }>();
    for (const site of runCommands(document, document.stagesInFinalImage)) {
      const pkg = sitePackage(site);
      if (pkg?.manager !== 'apk') continue;
      const update = pkg.subcommand === 'update';
      if (!update && pkg.subcommand !== 'add') continue;
      if (pkg.parsed.has('--no-cache')) continue;
      // `apk add --no-network` installs nothing new (it records packages already present): it
      // reads and writes no index.
      if (!update && pkg.parsed.has('--no-network')) continue;
      const before = chosen.get(site.run);
      if (before && (before.update === false || update)) continue;
      chosen.set(site.run, { site, update });
    }
    for (const [run, { site, update }] of chosen) {
      if (cacheRemoved(run)) continue;
      context.report({
        message: update
          ? 'apk update stores the package index in /var/cache/apk, where it stays in the final image; drop it and use apk add --no-cache, which fetches a fresh index without keeping it.'
          : 'apk add without --no-cache leaves the package index in /var/cache/apk in the final image.',
        range: commandRange(site),
        key: keys.of(site.stage, update ? 'apk update' : 'apk add'),
      });
    }
  },
});

function cacheRemoved(run: RunScript): boolean {
  if (run.mountsOf('cache').some((m) => (m.options.target ?? '').startsWith('/var/cache/apk'))) return true;
  return run.commands.some((c) => c.program === 'rm' && c.args.some((a) => a.text.startsWith('/var/cache/apk')));
}
