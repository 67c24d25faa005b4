import { isInstall } from '../../analyzers/package-managers.js';
import { defineRule } from '../types.js';
import { commandRange, Keys, runCommands, sitePackage } from './_helpers.js';

const OFF = /^(1|true|yes|on|off|0|false|no)$/i;

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/require-pip-no-cache-dir',
    description: 'Require pip install to run with --no-cache-dir',
    rationale:
      'pip keeps every downloaded wheel and source archive in ~/.cache/pip. In an image that cache is never used again, but it is shipped: often more megabytes than the installed packages themselves.',
    severity: 'low',
    threats: ['vulnerable-image'],
    references: ['hadolint DL3042', 'pip docs: Caching'],
    remediation:
      'Use `pip install --no-cache-dir ...`, set `ENV PIP_NO_CACHE_DIR=1`, or use a BuildKit cache mount (`RUN --mount=type=cache,target=/root/.cache/pip pip install ...`).',
    related: [{ tool: 'hadolint', id: 'DL3042' }],
    examples: [
      {
        bad: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n',
        good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n',
      },
    ],
  },
  check(document, context) {
    const keys = new Keys();
    for (const site of runCommands(document, document.stagesInFinalImage)) {
      const pkg = sitePackage(site);
      if (pkg?.manager !== 'pip' || !isInstall(pkg)) continue;
      if (pkg.parsed.has('--no-cache-dir')) continue;
      const env = site.stage.env.get('PIP_NO_CACHE_DIR');
      if (env !== undefined && OFF.test(env)) continue;
      if (site.command.assignments.some((a) => a.name === 'PIP_NO_CACHE_DIR')) continue;
      if (site.run.mountsOf('cache').some((m) => /\.cache\/pip/.test(m.options.target ?? ''))) continue;
      context.report({
        message: 'pip install without --no-cache-dir leaves its download cache in the final image.',
        range: commandRange(site),
        key: keys.of(site.stage, 'pip install'),
      });
    }
  },
});
