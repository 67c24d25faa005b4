import { detectSecret, detectSecretFormat, isCredentialName, isPlaceholder, redact } from '../../analyzers/secrets.js';
import { shiftSeverity } from '../../core/severity.js';
import type { ShellArg } from '../../model/shell.js';
import { defineRule } from '../types.js';
import { commandRange, Keys, runCommands } from './_helpers.js';

/** Options whose value is a credential, as command-line tools spell them. */
const SECRET_OPTION =
  /^--?(password|passwd|pass|token|api-?key|secret|client-secret|access-key|secret-key|auth-token|private-key-passphrase)$/i;

/** A cheap test that a value may hold a known token format (the formats' prefixes) or a URL password. */
const MAYBE_TOKEN =
  /AKIA|ASIA|ABIA|ACCA|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|hooks\.slack|AIza|service_account|_live_|npm_|pypi-|sk-|SG\.|SK[0-9a-fA-F]{32}|AccountKey=|eyJ|"auths"|PRIVATE KEY|:\/\/[^\s:@/]+:[^\s@/]+@/;

/** Database clients that take the password glued to `-p`. */
const MYSQL_CLIENTS = new Set(['mysql', 'mysqladmin', 'mysqldump', 'mariadb']);

interface Hit {
  arg: ShellArg;
  kind: string;
  value: string;
  format: boolean;
}

function literal(arg: ShellArg | undefined): string | undefined {
  if (!arg || arg.value === undefined) return undefined;
  return arg.value;
}

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-secrets-in-run',
    description: 'Disallow credentials written into RUN commands',
    rationale:
      'The command line of every RUN is stored in the image history (`docker history --no-trunc` shows it) and in build logs and caches. A token in a `curl -H "Authorization: ..."`, a password in `mysql -p...` or a URL with a password is published with the image.',
    severity: 'high',
    threats: ['secret-theft'],
    references: ['CIS Docker 4.10', 'trivy DS031', 'Docker docs: Build secrets'],
    remediation:
      'Mount the secret for the one RUN that needs it: `RUN --mount=type=secret,id=token curl -H "Authorization: Bearer $(cat /run/secrets/token)" ...`, built with `docker build --secret id=token,env=TOKEN`.',
    related: [{ tool: 'trivy', id: 'DS031' }],
    examples: [
      {
        bad: 'FROM alpine:3.20\nRUN curl -u deploy:Sup3rS3cretPw https://repo.example.com/pkg.tgz -o /tmp/pkg.tgz\n',
        good: 'FROM alpine:3.20\nRUN --mount=type=secret,id=netrc,target=/root/.netrc curl --netrc https://repo.example.com/pkg.tgz -o /tmp/pkg.tgz\n',
      },
    ],
  },
  check(document, context) {
    const keys = new Keys();
    const inFinal = document.stagesInFinalImage;
    for (const site of runCommands(document)) {
      const command = site.command;
      const hits: Hit[] = [];
      for (const assignment of command.assignments) {
        if (assignment.value === undefined || assignment.value === '') continue;
        const match = detectSecret(assignment.name, assignment.value);
        if (match) {
          hits.push({
            arg: { value: assignment.value, text: assignment.text, range: assignment.range },
            kind: match.kind,
            value: assignment.value,
            format: match.confidence === 'format',
          });
        }
      }
      const args = command.args;
      const mysql = MYSQL_CLIENTS.has(command.program ?? '');
      for (let i = 0; i < args.length; i++) {
        const arg = args[i] as ShellArg;
        const value = literal(arg);
        if (value === undefined) continue;
        // Every known token format is at least 15 characters; URLs with a password have '@'.
        const format = value.length >= 15 && MAYBE_TOKEN.test(value) ? detectSecretFormat(value) : undefined;
        if (format) {
          hits.push({ arg, kind: format, value, format: true });
          continue;
        }
        const eq = value.charCodeAt(0) === 45 ? value.indexOf('=') : -1;
        const option = eq === -1 ? value : value.slice(0, eq);
        if (value.charCodeAt(0) === 45 && SECRET_OPTION.test(option)) {
          const secret = eq === -1 ? literal(args[i + 1]) : value.slice(eq + 1);
          if (secret !== undefined && !secret.startsWith('-') && !isPlaceholder(secret)) {
            hits.push({
              arg: eq === -1 ? (args[i + 1] as ShellArg) : arg,
              kind: 'password or token',
              value: secret,
              format: false,
            });
          }
          continue;
        }
        if (command.program === 'curl' && (value === '-u' || value === '--user')) {
          const credentials = literal(args[i + 1]);
          const password = credentials?.slice(credentials.indexOf(':') + 1);
          if (credentials?.includes(':') && password !== undefined && !isPlaceholder(password)) {
            hits.push({ arg: args[i + 1] as ShellArg, kind: 'password', value: password, format: false });
          }
          continue;
        }
        if (mysql && /^-p.{3,}$/.test(value)) {
          if (!isPlaceholder(value.slice(2))) hits.push({ arg, kind: 'database password', value: value.slice(2), format: false });
          continue;
        }
        if (!value.includes(':')) continue;
        const header =
          /^(authorization|x-api-key|private-token|x-auth-token)\s*:\s*(?:(?:bearer|token|basic)\s+)?(\S{8,})$/i.exec(value);
        if (header && !isPlaceholder(header[2] as string)) {
          hits.push({ arg, kind: 'credential in an HTTP header', value: header[2] as string, format: false });
        }
      }
      // A credential build argument or variable written into a file stays in the layer.
      const file = command.redirects.find((r) => (r.op === '>' || r.op === '>>') && (r.fd === undefined || r.fd === '1'));
      if (file) {
        const declared = (name: string) => site.stage.lineage.some((s) => s.args.has(name) || s.env.has(name));
        const names = new Set<string>();
        for (const arg of command.args) {
          for (const match of arg.text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
            const name = match[1] as string;
            if (isCredentialName(name) && declared(name)) names.add(name);
          }
        }
        for (const name of names) {
          const shipped = inFinal.has(site.stage);
          context.report({
            message: `RUN in stage ${site.stage.label} writes the credential $${name} into ${file.target.value ?? file.target.text}: the file stays in the image layer even if a later step deletes it.`,
            range: commandRange(site),
            severity: shipped ? 'high' : 'medium',
            key: keys.of(site.stage, `${name}>${file.target.text}`),
          });
        }
      }
      for (const hit of hits) {
        const shipped = inFinal.has(site.stage);
        const severity = hit.format ? 'critical' : 'high';
        context.report({
          message: `RUN in stage ${site.stage.label} passes a literal ${hit.kind} (${redact(hit.value)}) to ${command.program ?? 'a command'}: the command line is kept in the image history and build logs.`,
          range: site.run.sourceRange(hit.arg.range),
          severity: shipped ? severity : shiftSeverity(severity, -1),
          key: keys.of(site.stage, `${command.program ?? ''} ${hit.kind}`),
        });
      }
    }
  },
});
