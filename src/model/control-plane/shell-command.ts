/**
 * Components started through a shell in a container: `command: ["/bin/sh", "-c", "exec
 * kube-apiserver --flag=... "]`, or `sh -c` in `command` with the script in `args`. The script is
 * parsed with the project's shell parser; the component's command (also after `exec`, `env`,
 * `nice` ...) gives the flags, each with its position inside the YAML string where it can be found.
 * `"$@"` in the component's command expands to the arguments after the script's `$0`, as the shell does.
 */
import type { OffsetRange, SourceText } from '../../core/source.js';
import { MappedText, MappedTextBuilder } from '../../sources/mapped-text.js';
import { analyseShell, baseName, type ShellCommand } from '../shell.js';
import type { Arg } from './flags.js';

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'ksh', 'mksh', 'zsh', 'busybox']);

/** The index of the script argument of a shell command line (`sh -c SCRIPT`, `bash -ec SCRIPT`), or -1. */
export function shellScriptIndex(entries: readonly Arg[]): number {
  const program = baseName(entries[0]?.text ?? '');
  if (!SHELLS.has(program)) return -1;
  let i = 1;
  // `busybox sh -c ...`
  if (program === 'busybox') {
    if (!SHELLS.has(entries[1]?.text ?? '')) return -1;
    i = 2;
  }
  for (; i < entries.length; i++) {
    const text = (entries[i] as Arg).text;
    if (text === '--' || !text.startsWith('-') || text === '-') return -1;
    // `-c` (possibly with other one-letter options, `-ec`, `-xc`); `-o name` takes a value.
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(text)) return entries[i + 1] ? i + 1 : -1;
    if (text === '-o' || text === '+o') i++;
  }
  return -1;
}

/**
 * Maps a decoded YAML string back into the source range of its scalar: each run of non-blank
 * characters is looked up, in order, in the source. Runs that are not written verbatim (escapes
 * in a double-quoted scalar) map to the nearest found position.
 */
export function mapYamlString(value: string, source: SourceText, range: OffsetRange): MappedText {
  const text = source.text;
  const [start, end] = range;
  if (text.slice(start, end) === value) return MappedText.contiguous(value, start);
  const builder = new MappedTextBuilder();
  let cursor = start;
  const runs = value.match(/\s+|\S+/g) ?? [];
  for (const run of runs) {
    if (/^\s/.test(run)) {
      builder.addStandIn(run, [cursor, cursor]);
      continue;
    }
    const found = text.indexOf(run, cursor);
    if (found !== -1 && found + run.length <= end) {
      builder.add(run, found);
      cursor = found + run.length;
    } else {
      builder.addStandIn(run, [cursor, Math.min(end, cursor + 1)]);
    }
  }
  return builder.build();
}

export interface ScriptCommand {
  /** The command's words, program first, with positions mapped into the source. */
  words: Arg[];
}

/**
 * The command of a script that runs a program accepted by `accepts` (given the words' texts):
 * preferably one started with `exec`, else the last one that is not inside a condition or a
 * command substitution.
 */
export function findScriptCommand(
  script: Arg,
  positional: readonly Arg[],
  source: SourceText | undefined,
  range: OffsetRange | undefined,
  accepts: (texts: readonly string[]) => boolean,
): ScriptCommand | undefined {
  const mapped =
    source && range ? mapYamlString(script.text, source, range) : MappedText.contiguous(script.text, range?.[0] ?? 0);
  const analysis = analyseShell(mapped.text);
  const candidates = analysis.commands.filter((c) => !c.inSubstitution && !c.inCondition && accepts(texts(c)));
  const chosen = candidates.find((c) => c.wrapper?.program === 'exec') ?? candidates[candidates.length - 1];
  if (!chosen) return undefined;
  const words: Arg[] = [];
  for (const word of chosen.words) {
    if (word.text === '$@' || word.text === '$*') {
      // "$@" is the arguments after $0 (the first word after the script).
      words.push(...positional.slice(1));
      continue;
    }
    const at = { ...script.at };
    if (source && range) {
      delete at.path;
      at.range = mapped.sourceRange(word.range);
    }
    words.push({ text: word.value ?? word.text, at });
  }
  return { words };
}

function texts(command: ShellCommand): string[] {
  return command.words.map((w) => w.value ?? w.text);
}
