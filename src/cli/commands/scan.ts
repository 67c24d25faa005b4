import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ScanResult } from '../../core/finding.js';
import { atLeast, type Severity } from '../../core/severity.js';
import { isPssVersion, normalisePssVersion } from '../../engine/config.js';
import { baselineOf } from '../../engine/suppress.js';
import { shouldColour } from '../../report/colour.js';
import { FORMATS, format, isFormat } from '../../report/index.js';
import { allRules } from '../../rules/index.js';
import { scanWithConfig } from '../../scan.js';
import { oneOf, parse, severityOption, sizeOption } from '../args.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, type Io, UsageError } from '../io.js';
import { emit } from '../output.js';
import type { Command } from '../run.js';
import { version } from '../version.js';

const usage = `Usage: greenbelt scan [options] [PATH...]

Scans files and directories (recursively; .git and node_modules are skipped, .greenbelt-ignore
files exclude more). PATH - reads standard input. Default PATH is the current directory.

Options:
  -f, --format FORMAT      ${FORMATS.join(', ')} (default text)
  -o, --output FILE        write the report to FILE instead of standard output
      --fail-on SEVERITY   exit 1 when a finding is at or above SEVERITY (default high; none never)
  -c, --config FILE        use this config file instead of looking for .greenbelt.yaml
      --no-config          ignore .greenbelt.yaml files
      --rule ID            run only this rule (repeatable)
      --exclude GLOB       skip paths matching a gitignore-style pattern (repeatable)
      --pss-level LEVEL    baseline or restricted (default from config, else restricted)
      --pss-version VER    v1.N or latest (default from config, else latest)
      --allowed-registry R allow images only from registry prefix R (repeatable)
      --baseline FILE      report only findings that are not in FILE
      --write-baseline FILE  write the current findings to FILE as a baseline
      --show-suppressed    include suppressed findings in the report
      --group-by KEY       file or threat (text format; default file)
      --ignore-errors      do not exit 2 because some input could not be read or parsed
      --max-file-size SIZE skip files larger than SIZE (default 32M)
      --stdin-filename N   scan standard input as if it were the file N (e.g. Dockerfile)
  -v, --verbose            list the files that were skipped and why
      --brief              leave out the fix lines (text format)
      --color, --no-color  force colour on or off (default: on for a terminal without NO_COLOR)

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable input.`;

export function exitCodeFor(result: ScanResult, failOn: Severity | undefined, ignoreErrors: boolean): number {
  if (result.errors.length > 0 && !ignoreErrors) return EXIT_ERROR;
  if (failOn === undefined) return EXIT_OK;
  return result.findings.some((f) => f.suppressed === null && atLeast(f.severity, failOn)) ? EXIT_FINDINGS : EXIT_OK;
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    'fail-on': { type: 'string' },
    config: { type: 'string', short: 'c' },
    'no-config': { type: 'boolean' },
    rule: { type: 'string', multiple: true },
    exclude: { type: 'string', multiple: true },
    'pss-level': { type: 'string' },
    'pss-version': { type: 'string' },
    'allowed-registry': { type: 'string', multiple: true },
    baseline: { type: 'string' },
    'write-baseline': { type: 'string' },
    'show-suppressed': { type: 'boolean' },
    'group-by': { type: 'string' },
    'ignore-errors': { type: 'boolean' },
    'max-file-size': { type: 'string' },
    'stdin-filename': { type: 'string' },
    verbose: { type: 'boolean', short: 'v' },
    brief: { type: 'boolean' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  });
  const formatName = values.format ?? 'text';
  if (!isFormat(formatName)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const groupBy = oneOf(values['group-by'], ['file', 'threat'] as const, '--group-by');
  const pssLevel = oneOf(values['pss-level'], ['baseline', 'restricted'] as const, '--pss-level');
  const pssVersion = values['pss-version'];
  if (pssVersion !== undefined && !isPssVersion(pssVersion)) throw new UsageError('--pss-version must be latest or v1.N');
  const failOnFlag = values['fail-on'];
  const failOnOption = severityOption(failOnFlag, '--fail-on');
  const maxFileSize = sizeOption(values['max-file-size'], '--max-file-size');
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config contradict each other');
  const unknownRules = (values.rule ?? []).filter(
    (id) => !allRules.some((r) => r.meta.id === id || r.meta.aliases?.includes(id)),
  );
  if (unknownRules.length > 0) throw new UsageError(`unknown rule ${unknownRules.join(', ')} (see greenbelt rules)`);
  const paths = positionals.length > 0 ? positionals : ['.'];

  const { result, config } = await scanWithConfig({
    paths,
    cwd: io.cwd,
    config: values['no-config'] ? false : (values.config ?? undefined),
    settings: (settings) => {
      if (pssLevel) settings.pss.level = pssLevel;
      if (pssVersion) settings.pss.version = normalisePssVersion(pssVersion);
      if (values['allowed-registry']) settings.registries.allowed = [...values['allowed-registry']];
    },
    ...(values.rule ? { only: values.rule } : {}),
    ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
    ...(values.exclude ? { exclude: values.exclude } : {}),
    ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    stdin: io.stdin,
    ...(values['stdin-filename'] !== undefined ? { stdinFilename: values['stdin-filename'] } : {}),
  });

  // The threshold: the flag, else the config file's failOn, else high.
  let failOn: Severity | undefined = failOnOption;
  if (failOnFlag === undefined) failOn = config.failOn ?? 'high';

  if (values['write-baseline'] !== undefined) {
    const target = resolve(io.cwd, values['write-baseline']);
    writeFileSync(target, `${JSON.stringify(baselineOf(result.findings), null, 2)}\n`);
    const count = result.findings.filter((f) => f.suppressed === null).length;
    io.stderr.write(`greenbelt: wrote ${count} finding${count === 1 ? '' : 's'} to the baseline ${values['write-baseline']}\n`);
    return result.errors.length > 0 && !values['ignore-errors'] ? EXIT_ERROR : EXIT_OK;
  }

  const colour = values['no-color']
    ? false
    : values.color
      ? true
      : values.output === undefined && shouldColour(io.stdout, io.env);
  const text = format(formatName, result, {
    colour,
    ...(groupBy ? { groupBy } : {}),
    showSuppressed: values['show-suppressed'] === true,
    verbose: values.verbose === true,
    rules: allRules,
    toolVersion: version(),
  });
  emit(io, text, values.output);
  if (formatName !== 'text' && result.errors.length > 0) {
    for (const error of result.errors) {
      io.stderr.write(
        `greenbelt: ${error.file}${error.line !== undefined ? `:${error.line}:${error.column ?? 1}` : ''}: ${error.message}\n`,
      );
    }
  }
  return exitCodeFor(result, failOn, values['ignore-errors'] === true);
}

export const command: Command = {
  summary: 'scan manifests, Dockerfiles, compose and config files',
  usage,
  run,
};
