import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { collectorForLargeHeaps } from '../../core/collect.js';
import type { ScanResult } from '../../core/finding.js';
import { atLeast, type Severity } from '../../core/severity.js';
import { isPssVersion, normalisePssVersion } from '../../engine/config.js';
import { effectiveSeverity, isRuleEnabled } from '../../engine/engine.js';
import { didYouMean } from '../../engine/suggest.js';
import { baselineOf } from '../../engine/suppress.js';
import { shouldColour } from '../../report/colour.js';
import { FORMATS, formatChunks, isFormat } from '../../report/index.js';
import { allRules } from '../../rules/index.js';
import { scanWithConfig, selectRules } from '../../scan.js';
import { oneOf, parse, severityOption, sizeOption } from '../args.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, type Io, UsageError } from '../io.js';
import { emit } from '../output.js';
import type { Command } from '../run.js';
import { version } from '../version.js';

const usage = `Usage: greenbelt scan [options] [PATH...]

Scans files and directories (recursively; .git and node_modules are skipped, .greenbelt-ignore
files exclude more). PATH - reads standard input. Default PATH is the current directory.

Options:
  -f, --format FORMAT        ${FORMATS.join(', ')} (default text)
  -o, --output FILE          write the report to FILE instead of standard output
      --fail-on SEVERITY     exit 1 when a finding is at or above SEVERITY: critical, high, medium,
                             low, info, or none for never (default: failOn from config, else high)
  -c, --config FILE          use this config file instead of looking for .greenbelt.yaml
      --no-config            ignore .greenbelt.yaml files
      --rule ID              run only this rule (repeatable; aliases work)
      --exclude PATTERN      skip paths matching a gitignore-style pattern (repeatable)
      --pss-level LEVEL      baseline or restricted (default from config, else restricted)
      --pss-version VERSION  v1.N or latest (default from config, else latest)
      --allowed-registry R   allow images only from registry prefix R (repeatable)
      --baseline FILE        suppress the findings recorded in FILE: report only new ones
      --write-baseline FILE  record the current findings in FILE as a baseline, and exit
      --show-suppressed      include suppressed findings, marked, in every format
      --group-by KEY         file, threat or rule (text format; default file)
      --compact              one line per finding: file:line:column: severity: message [rule]
      --brief                leave out the fix lines (text format)
      --ignore-errors        do not exit 2 because some input could not be read or parsed
      --max-file-size SIZE   report files larger than SIZE as errors instead of reading them
                             (default 32M; k, M and G suffixes)
      --stdin-filename NAME  scan standard input as if it were the file NAME (implies PATH -)
  -v, --verbose              list the files that were skipped and why
      --color, --no-color    force colour on or off (default: on for a terminal; NO_COLOR and
                             FORCE_COLOR are honoured)

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage error, an
unreadable or unparsable input, or an invalid config file (unless --ignore-errors).`;

export function exitCodeFor(result: ScanResult, failOn: Severity | undefined, ignoreErrors: boolean): number {
  if (result.errors.length > 0 && !ignoreErrors) return EXIT_ERROR;
  if (failOn === undefined) return EXIT_OK;
  return result.findings.some((f) => f.suppressed === null && atLeast(f.severity, failOn)) ? EXIT_FINDINGS : EXIT_OK;
}

function writeError(io: Io, what: string, file: string, error: unknown): number {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  io.stderr.write(`greenbelt scan: cannot write ${what} ${file}${code ? ` (${code})` : ''}\n`);
  return EXIT_ERROR;
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
    compact: { type: 'boolean' },
    brief: { type: 'boolean' },
    'ignore-errors': { type: 'boolean' },
    'max-file-size': { type: 'string' },
    'stdin-filename': { type: 'string' },
    verbose: { type: 'boolean', short: 'v' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  });
  const formatName = values.format ?? 'text';
  if (!isFormat(formatName))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}${didYouMean(formatName, FORMATS)}`);
  const groupBy = oneOf(values['group-by'], ['file', 'threat', 'rule'] as const, '--group-by');
  const pssLevel = oneOf(values['pss-level'], ['baseline', 'restricted'] as const, '--pss-level');
  const pssVersion = values['pss-version'];
  if (pssVersion !== undefined && !isPssVersion(pssVersion)) throw new UsageError('--pss-version must be latest or v1.N');
  const failOnFlag = values['fail-on'];
  const failOnOption = severityOption(failOnFlag, '--fail-on');
  const maxFileSize = sizeOption(values['max-file-size'], '--max-file-size');
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config contradict each other');
  if (values.color && values['no-color']) throw new UsageError('--color and --no-color contradict each other');
  const known = allRules.flatMap((r) => [r.meta.id, ...(r.meta.aliases ?? [])]);
  for (const id of values.rule ?? []) {
    if (!known.includes(id)) throw new UsageError(`unknown rule ${id}${didYouMean(id, known)} (see greenbelt rules)`);
  }
  const stdinFilename = values['stdin-filename'];
  let paths = positionals.length > 0 ? positionals : ['.'];
  if (stdinFilename !== undefined) {
    if (positionals.length === 0) paths = ['-'];
    else if (!positionals.includes('-')) throw new UsageError('--stdin-filename names standard input: add - to the paths');
  }

  const { result, config, baseline } = await scanWithConfig({
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
    ...(stdinFilename !== undefined ? { stdinFilename } : {}),
    // The CLI owns its process: a large scan collects where it drops its analyses and views.
    collect: collectorForLargeHeaps(),
  });

  // The threshold: the flag, else the config file's failOn, else high.
  let failOn: Severity | undefined = failOnOption;
  if (failOnFlag === undefined) failOn = config.failOn === 'none' ? undefined : (config.failOn ?? 'high');
  const ignoreErrors = values['ignore-errors'] === true;

  const writeBaseline = values['write-baseline'];
  if (writeBaseline !== undefined) {
    try {
      writeFileSync(resolve(io.cwd, writeBaseline), `${JSON.stringify(baselineOf(result.findings), null, 2)}\n`);
    } catch (error) {
      return writeError(io, 'the baseline', writeBaseline, error);
    }
    const count = result.findings.filter((f) => f.suppressed === null || f.suppressed.by === 'baseline').length;
    io.stderr.write(`greenbelt: wrote ${count} finding${count === 1 ? '' : 's'} to the baseline ${writeBaseline}\n`);
    for (const error of result.errors) io.stderr.write(`greenbelt: ${describeError(error)}\n`);
    return result.errors.length > 0 && !ignoreErrors ? EXIT_ERROR : EXIT_OK;
  }

  if (baseline && baseline.matched < baseline.entries && result.errors.length === 0) {
    const stale = baseline.entries - baseline.matched;
    io.stderr.write(
      `greenbelt: ${stale} of ${baseline.entries} baseline entr${baseline.entries === 1 ? 'y matches' : 'ies match'} no finding any more (fixed?); refresh the baseline with --baseline ${baseline.file} --write-baseline ${baseline.file}\n`,
    );
  }

  const colour = values['no-color']
    ? false
    : values.color
      ? true
      : values.output === undefined && shouldColour(io.stdout, io.env);
  const ran = selectRules(allRules, values.rule).filter((rule) => isRuleEnabled(rule, config));
  const text = formatChunks(formatName, result, {
    colour,
    ...(groupBy ? { groupBy } : {}),
    compact: values.compact === true,
    brief: values.brief === true,
    showSuppressed: values['show-suppressed'] === true,
    verbose: values.verbose === true,
    rules: ran,
    ruleSeverity: (rule) => effectiveSeverity(rule, config),
    toolVersion: version(),
    ...(failOn !== undefined ? { failOn } : {}),
    cwd: io.cwd,
  });
  try {
    emit(io, text, values.output);
  } catch (error) {
    return writeError(io, 'the report to', values.output ?? '-', error);
  }
  // Formats for machines keep input errors (and, with --verbose, skipped files) out of the report
  // body only where the format has no place for them; people still need to see them.
  const toStderr = formatName !== 'text' || (values.output !== undefined && values.output !== '-');
  if (toStderr) for (const error of result.errors) io.stderr.write(`greenbelt: ${describeError(error)}\n`);
  if (values.verbose && formatName !== 'text' && formatName !== 'json') {
    for (const skipped of result.skipped) io.stderr.write(`greenbelt: skipped ${skipped.file}: ${skipped.reason}\n`);
  }
  return exitCodeFor(result, failOn, ignoreErrors);
}

function describeError(error: { file: string; line?: number; column?: number; message: string }): string {
  return `${error.file}${error.line !== undefined ? `:${error.line}:${error.column ?? 1}` : ''}: ${error.message}`;
}

export const command: Command = {
  summary: 'scan manifests, Dockerfiles, compose and config files',
  usage,
  run,
};
