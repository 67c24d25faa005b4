import { defineRule } from '../types.js';
import { commandRange, Keys, runCommands, sitePackage } from './_helpers.js';

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/require-apk-no-cache',
    description: 'Require apk add to use --no-cache',
    rationale:
      'Without `--no-cache`, `apk add` (after an `apk update`) leaves the package index in /var/cache/apk in the layer: dead weight and stale repository metadata in the final image.',
    severity: 'low',
    threats: ['vulnerable-image'],
    references: ['hadolint DL3019', 'Alpine wiki: Alpine Package Keeper, "--no-cache"'],
    remediation: 'Use `apk add --no-cache <packages>`, which fetches the index to a temporary place and leaves no cache behind.',
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
    for (const site of runCommands(document, document.stagesInFinalImage)) {
      const pkg = sitePackage(site);
      if (pkg?.manager !== 'apk' || pkg.subcommand !== 'add') continue;
      if (pkg.parsed.has('--no-cache')) continue;
      if (site.run.mountsOf('cache').some((m) => (m.options.target ?? '').startsWith('/var/cache/apk'))) continue;
      const removed = site.run.commands.some(
        (c) => c.program === 'rm' && c.args.some((a) => a.text.startsWith('/var/cache/apk')),
      );
      if (removed) continue;
      context.report({
        message: 'apk add without --no-cache leaves the package index in /var/cache/apk in the final image.',
        range: commandRange(site),
        key: keys.of(site.stage, 'apk add'),
      });
    }
  },
});
