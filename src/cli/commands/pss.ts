import type { ScanError } from '../../core/finding.js';
import { defaultSettings } from '../../engine/settings.js';
import { K8sObject } from '../../model/k8s.js';
import { evaluateObjects, formatPssJson, formatPssText } from '../../pss/report.js';
import { parsePssVersion } from '../../pss/version.js';
import { shouldColour } from '../../report/colour.js';
import { load } from '../../sources/load.js';
import { handlers } from '../../sources/registry.js';
import { oneOf, parse, sizeOption } from '../args.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, type Io, UsageError } from '../io.js';
import { emit } from '../output.js';
import type { Command } from '../run.js';

const usage = `Usage: greenbelt pss [options] [PATH...]

Evaluates every workload object (Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob,
ReplicationController, PodTemplate) against a Pod Security Standards level at a policy version, with
the semantics of Kubernetes' Pod Security Admission. Directories are read recursively; PATH - reads
standard input. Default PATH is the current directory.

Options:
  -l, --level LEVEL        baseline or restricted (default restricted)
      --version VERSION    policy version v1.0 ... v1.37, or latest (default latest)
  -f, --format FORMAT      text or json (default text)
  -o, --output FILE        write the result to FILE instead of standard output
      --exclude GLOB       skip paths matching a gitignore-style pattern (repeatable)
      --ignore-errors      do not exit 2 because some input could not be read or parsed
      --max-file-size SIZE skip files larger than SIZE (default 32M)
      --stdin-filename N   read standard input as if it were the file N
      --color, --no-color  force colour on or off (default: on for a terminal without NO_COLOR)

JSON output: an array of { file, object: { kind, namespace?, name }, allowed,
violations: [ { check, reason, detail } ] }, check being the upstream check id (runAsNonRoot, ...).

Exit codes: 0 every object allowed, 1 some object denied, 2 usage error or unreadable input.`;

function describeError(error: ScanError): string {
  return `greenbelt: ${error.file}${error.line !== undefined ? `:${error.line}:${error.column ?? 1}` : ''}: ${error.message}\n`;
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    level: { type: 'string', short: 'l' },
    version: { type: 'string' },
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    exclude: { type: 'string', multiple: true },
    'ignore-errors': { type: 'boolean' },
    'max-file-size': { type: 'string' },
    'stdin-filename': { type: 'string' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  });
  const level = oneOf(values.level, ['baseline', 'restricted'] as const, '--level') ?? 'restricted';
  const format = oneOf(values.format, ['text', 'json'] as const, '--format') ?? 'text';
  const parsed = parsePssVersion(values.version ?? 'latest');
  if (!parsed.ok) throw new UsageError(`--version: ${parsed.message}`);
  const maxFileSize = sizeOption(values['max-file-size'], '--max-file-size');
  const paths = positionals.length > 0 ? positionals : ['.'];

  const loaded = await load({
    paths,
    cwd: io.cwd,
    settings: defaultSettings(),
    handlers,
    exclude: [{ base: io.cwd, patterns: values.exclude ?? [] }],
    ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    stdin: io.stdin,
    ...(values['stdin-filename'] !== undefined ? { stdinFilename: values['stdin-filename'] } : {}),
  });
  const objects = loaded.documents.filter((d): d is K8sObject => d instanceof K8sObject);
  const results = evaluateObjects(objects, level, parsed.label);

  const colour = values['no-color']
    ? false
    : values.color
      ? true
      : values.output === undefined && shouldColour(io.stdout, io.env);
  const text = format === 'json' ? formatPssJson(results) : formatPssText(results, { colour, level, version: parsed.label });
  emit(io, text, values.output);
  for (const error of loaded.errors) io.stderr.write(describeError(error));

  if (loaded.errors.length > 0 && values['ignore-errors'] !== true) return EXIT_ERROR;
  return results.some((r) => !r.record.allowed) ? EXIT_FINDINGS : EXIT_OK;
}

export const command: Command = {
  summary: 'evaluate workloads against a Pod Security Standards level and version, as Kubernetes would',
  usage,
  run,
};
