import { type Severity, shiftSeverity } from '../../core/severity.js';
import { isExcluded } from '../../model/dockerignore.js';
import { WHOLE_CONTEXT } from '../../sources/dockerfile-handler.js';
import { defineRule } from '../types.js';
import { copySources } from './_add.js';

/** Paths a .dockerignore should leave out, with what they stand for. */
const MUST_EXCLUDE: { path: string; what: string }[] = [
  { path: '.git', what: '.git' },
  { path: '.env', what: '.env' },
  { path: 'id_rsa', what: 'SSH keys (id_rsa)' },
  { path: 'server.key', what: '*.key' },
  { path: 'server.pem', what: '*.pem' },
];

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/require-dockerignore',
    description: 'Require a .dockerignore that excludes .git, .env and key files when the whole build context is copied',
    rationale:
      "`COPY . .` copies everything in the build context that .dockerignore does not exclude: the `.git` directory with the whole history (and every secret ever committed), `.env` files, private keys and cloud credentials on the developer's or the CI machine. They end up in a layer of the image.",
    severity: 'medium',
    threats: ['secret-theft'],
    references: ['CIS Docker 4.10', 'Docker docs: .dockerignore files', 'OWASP Docker Security Cheat Sheet, rule 12'],
    remediation:
      'Add a `.dockerignore` beside the Dockerfile that excludes at least `.git`, `**/.env`, `**/*.pem`, `**/*.key` and `**/id_rsa*` (or start with `*` and re-include only what the build needs: `!src/`, `!package*.json`), or copy only the files the image needs instead of `.`.',
    examples: [
      {
        filename: 'test/fixtures/no-dockerignore/Dockerfile',
        bad: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\n',
        good: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json server.js ./\n',
      },
    ],
  },
  check(document, context) {
    const build = document.context;
    if (!build) return;
    const copies = document.instructions.filter(
      (i) =>
        (i.keyword === 'COPY' || i.keyword === 'ADD') &&
        i.flag('from') === undefined &&
        copySources(i).some((s) => s.kind === 'local' && WHOLE_CONTEXT.has(s.text)),
    );
    // A copy into the final image matters most; one into a build stage only reaches the builder
    // (and its cache), not the image that ships.
    const inFinal = document.stagesInFinalImage;
    const copy = copies.find((i) => i.stage !== undefined && inFinal.has(i.stage)) ?? copies[0];
    if (!copy) return;
    const buildOnly = copy.stage !== undefined && !inFinal.has(copy.stage);
    const where = buildOnly ? `build stage ${copy.stage?.label ?? ''}` : 'the image';
    const note = buildOnly
      ? ` It is in build stage ${copy.stage?.label ?? ''}, which the final image does not include: the files reach the builder and its cache, not the image.`
      : '';
    const grade = (severity: Severity): Severity => (buildOnly ? shiftSeverity(severity, -1) : severity);
    const found = build.sensitiveFiles.map((f) => f.path);
    if (build.gitDirectory) found.unshift('.git/');
    const list = (items: string[]) =>
      items.length > 5 ? `${items.slice(0, 5).join(', ')} and ${items.length - 5} more` : items.join(', ');
    const range = copy.range;
    if (!build.ignoreFile) {
      const severity: Severity = build.sensitiveFiles.length > 0 ? 'high' : 'medium';
      context.report({
        message:
          found.length > 0
            ? `"${copy.keyword} ${copy.argsText}" copies the whole build context and there is no .dockerignore: ${list(found)} would go into ${where}.${note}`
            : `"${copy.keyword} ${copy.argsText}" copies the whole build context and there is no .dockerignore beside the Dockerfile to keep .git, .env and key files out.${note}`,
        range,
        severity: grade(severity),
        key: 'no-dockerignore',
      });
      return;
    }
    const patterns = build.ignoreFile.patterns;
    const missing = MUST_EXCLUDE.filter((m) => !isExcluded(patterns, m.path)).map((m) => m.what);
    if (found.length === 0 && missing.length === 0) return;
    const severity: Severity = build.sensitiveFiles.length > 0 ? 'high' : build.gitDirectory ? 'medium' : 'low';
    const parts: string[] = [];
    if (found.length > 0) parts.push(`${list(found)} in the context would go into ${where}`);
    if (missing.length > 0) parts.push(`it does not exclude ${missing.join(', ')}`);
    context.report({
      message: `"${copy.keyword} ${copy.argsText}" copies the whole build context, and ${build.ignoreFile.name} is incomplete: ${parts.join('; ')}.${note}`,
      range,
      severity: grade(severity),
      key: 'incomplete-dockerignore',
    });
  },
});
