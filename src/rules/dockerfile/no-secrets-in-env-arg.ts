import { detectSecret, isCredentialName, isPlaceholder, redact } from '../../analyzers/secrets.js';
import { type Severity, shiftSeverity } from '../../core/severity.js';
import type { Instruction } from '../../model/dockerfile.js';
import { defineRule } from '../types.js';
import { Keys } from './_helpers.js';

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-secrets-in-env-arg',
    description: 'Disallow credentials in ENV and ARG instructions',
    rationale:
      'ENV values are stored in the image configuration: anyone who can pull the image reads them with `docker inspect`. ARG values passed with `--build-arg` are recorded in the image history and the build cache. Either way a password, token or key put there is published with the image and lives on in every registry and cache it reaches.',
    severity: 'high',
    threats: ['secret-theft'],
    references: ['CIS Docker 4.10', 'trivy DS031', 'Docker docs: Build secrets', 'OWASP Docker Security Cheat Sheet, rule 12'],
    remediation:
      'Pass build-time secrets with BuildKit secret mounts: `RUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci`, built with `docker build --secret id=npm_token,env=NPM_TOKEN`. Give runtime secrets to the container at run time (orchestrator secrets, mounted files), never in the image.',
    related: [
      { tool: 'trivy', id: 'DS031' },
      { tool: 'checkov', id: 'CKV_SECRET_6' },
    ],
    examples: [
      {
        bad: 'FROM alpine:3.20\nENV DB_PASSWORD=s3cr3t-Pa55w0rd\n',
        good: 'FROM alpine:3.20\nENV DB_PASSWORD_FILE=/run/secrets/db_password\n',
      },
      {
        bad: 'FROM node:20-slim\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n',
        good: 'FROM node:20-slim\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n',
      },
    ],
  },
  check(document, context) {
    const keys = new Keys();
    const inFinal = document.stagesInFinalImage;
    const check = (instruction: Instruction) => {
      const kind = instruction.keyword;
      if (kind !== 'ENV' && kind !== 'ARG') return;
      const shipped = instruction.stage !== undefined && inFinal.has(instruction.stage);
      const adjust = (severity: Severity) => (shipped ? severity : shiftSeverity(severity, -1));
      const where = instruction.stage ? `stage ${instruction.stage.label}` : 'the global scope';
      for (const pair of instruction.pairs) {
        const value = pair.value;
        const literal = value !== undefined && pair.unresolved.length === 0 && pair.references.length === 0;
        const match = literal ? detectSecret(pair.key, value) : undefined;
        if (match) {
          context.report({
            message: `${kind} ${pair.key} in ${where} holds a literal ${match.kind} (${redact(value)}): it is stored in the image${kind === 'ENV' ? ' configuration' : ' history'} for anyone who pulls it.`,
            range: pair.range,
            severity: adjust(match.confidence === 'format' ? 'critical' : 'high'),
            key: keys.of(instruction.stage, `${kind} ${pair.key}`),
          });
          continue;
        }
        if (!isCredentialName(pair.key)) continue;
        if (kind === 'ARG') {
          if (value !== undefined && value !== '' && !isPlaceholder(value) && pair.references.length === 0) continue;
          context.report({
            message: `Build argument ${pair.key} in ${where} is meant for a credential: --build-arg values are recorded in the image history and build cache. Use a secret mount (RUN --mount=type=secret) instead.`,
            range: pair.range,
            severity: adjust('medium'),
            key: keys.of(instruction.stage, `${kind} ${pair.key}`),
          });
        } else if (pair.references.length > 0) {
          context.report({
            message: `ENV ${pair.key} in ${where} copies a credential from ${pair.references.map((r) => `$${r}`).join(', ')} into the image configuration, where anyone who pulls the image can read it.`,
            range: pair.range,
            severity: adjust('high'),
            key: keys.of(instruction.stage, `${kind} ${pair.key}`),
          });
        }
      }
    };
    for (const instruction of document.instructions) check(instruction);
  },
});
