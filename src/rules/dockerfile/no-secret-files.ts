import { sensitiveFileKind } from '../../analyzers/secrets.js';
import { type Instruction, resolvePath, type Stage } from '../../model/dockerfile.js';
import { defineRule } from '../types.js';
import { copyDestination, copySources } from './_add.js';
import { Keys } from './_helpers.js';

const EXAMPLE_ENV = /(^|\/)\.env\.(example|sample|template|dist|defaults?|schema)$/i;
/** PEM and certificate files that by their name hold public material (certificates, public keys). */
const PUBLIC_MATERIAL = /(^|[/._-])(pub(lic)?|cert(ificate)?s?|chain|ca|bundle|fullchain|root)([._-][^/]*)?\.(pem|crt|cer)$/i;
const PRIVATE_HINT = /(key|priv|secret)[^/]*$/i;

interface Placed {
  stage: Stage;
  instruction: Instruction;
  source: string;
  kind: string;
  /** Where the file lands in the stage's filesystem. */
  path: string;
}

function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-secret-files',
    description: 'Disallow copying key files, .env files and cloud credentials into an image',
    rationale:
      'Every file COPY or ADD puts into a layer stays in the image, even if a later RUN deletes it: anyone who pulls the image extracts the layer and reads the private key, the `.env` file or the cloud credentials. Files copied into a build stage are only safe if nothing carries them into the final image.',
    severity: 'high',
    threats: ['secret-theft'],
    references: ['CIS Docker 4.10', 'trivy DS031', 'Docker docs: Build secrets', 'OWASP Docker Security Cheat Sheet, rule 12'],
    remediation:
      'Do not copy credentials into images. For build time, mount them: `RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci` or `RUN --mount=type=ssh git clone ...`. For run time, mount them into the container from the orchestrator. Exclude them from the build context in `.dockerignore`.',
    related: [{ tool: 'trivy', id: 'DS031' }],
    examples: [
      {
        bad: 'FROM node:20-slim\nCOPY .env /app/.env\n',
        good: 'FROM node:20-slim\nCOPY .env.example /app/.env.example\n',
      },
      {
        bad: 'FROM node:20 AS build\nWORKDIR /src\nCOPY .npmrc ./\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /src /app\n',
        good: 'FROM node:20 AS build\nWORKDIR /src\nRUN --mount=type=secret,id=npmrc,target=/src/.npmrc npm ci\nFROM node:20-slim\nCOPY --from=build /src /app\n',
      },
    ],
  },
  check(document, context) {
    const keys = new Keys();
    const inFinal = document.stagesInFinalImage;
    const placed: Placed[] = [];
    for (const stage of document.stages) {
      for (const instruction of stage.instructions) {
        if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || instruction.flag('from')) continue;
        const sources = copySources(instruction).filter((s) => s.kind === 'local');
        const dest = copyDestination(instruction);
        const destPath = dest ? resolvePath(instruction.workdir, dest.expanded ?? dest.value) : instruction.workdir;
        const intoDirectory = sources.length > 1 || /\/$/.test(dest?.value ?? '/');
        for (const source of sources) {
          if (EXAMPLE_ENV.test(source.text)) continue;
          if (PUBLIC_MATERIAL.test(source.text) && !PRIVATE_HINT.test(source.text.replace(/\.(pem|crt|cer)$/i, ''))) continue;
          const kind = sensitiveFileKind(source.text);
          if (!kind) continue;
          const path = intoDirectory ? resolvePath(destPath, basename(source.text)) : destPath;
          const item = { stage, instruction, source: source.text, kind, path };
          placed.push(item);
          const shipped = inFinal.has(stage);
          context.report({
            message: shipped
              ? `${instruction.keyword} puts "${source.text}" (${kind}) into the final image at ${path}: anyone who pulls the image can read it, even if a later step deletes it.`
              : `${instruction.keyword} puts "${source.text}" (${kind}) into build stage ${stage.label}: it stays in that stage's layers and cache. Mount it with RUN --mount=type=secret instead.`,
            range: source.word.range,
            severity: shipped ? 'high' : 'low',
            key: keys.of(stage, `${instruction.keyword} ${source.text}`),
          });
        }
      }
    }
    // Secrets of build stages that COPY --from carries into the final image.
    for (const stage of inFinal) {
      for (const instruction of stage.instructions) {
        const from = instruction.flag('from')?.value;
        if (instruction.keyword !== 'COPY' || from === undefined) continue;
        const origin = document.stageNamed(from, stage.index);
        if (!origin || inFinal.has(origin)) continue;
        for (const source of copySources(instruction)) {
          const sourcePath = resolvePath('/', source.text);
          const carried = placed.filter(
            (p) =>
              origin.lineage.includes(p.stage) &&
              (p.path === sourcePath || p.path.startsWith(sourcePath === '/' ? '/' : `${sourcePath}/`)),
          );
          for (const item of carried) {
            context.report({
              message: `COPY --from=${from} carries "${item.source}" (${item.kind}, copied into ${item.stage.label} at ${item.path}) into the final image.`,
              range: source.word.range,
              severity: 'high',
              key: keys.of(stage, `carried ${item.source} ${source.text}`),
            });
          }
        }
      }
    }
  },
});
