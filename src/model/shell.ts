/**
 * The commands a shell script runs, flattened out of its syntax tree in execution order: each with
 * its static argument values, the pipeline it is part of, the `&&`/`||` operator before it, and
 * where it sits (a subshell, a command substitution, a condition, a loop or a function). Commands run
 * through wrappers (`sudo`, `env`, `exec`, `timeout`, `xargs`, `sh -c '...'`, ...) are unwrapped so
 * that a rule about `apt-get` also sees `sudo apt-get`.
 */

import { lookupTable } from '../core/table.js';
import type {
  ShellCommandNode,
  ShellList,
  ShellPipeline,
  ShellRange,
  ShellScript,
  ShellSimpleCommand,
  ShellSyntaxError,
  ShellWord,
  ShellWordPart,
} from '../sources/shell/ast.js';
import { parseShell } from '../sources/shell/parser.js';

/** A word of a command. */
export interface ShellArg {
  /** The value after quote removal; undefined when it depends on an expansion. */
  readonly value: string | undefined;
  /** The value with expansions kept as written (`$VERSION`), for pattern checks. */
  readonly text: string;
  readonly range: ShellRange;
}

/**
 * The words of parsed commands keep their position as two numbers (`range` makes the pair when
 * asked): a script's model is kept for every RUN of every Dockerfile of a scan, and a pair array
 * per word was the larger part of it.
 */
class WordArg implements ShellArg {
  /** The value after quote removal; undefined when it depends on an expansion. */
  readonly value: string | undefined;
  /** The value with expansions kept as written (`$VERSION`), for pattern checks. */
  readonly text: string;
  readonly start: number;
  readonly end: number;

  constructor(value: string | undefined, text: string, start: number, end: number) {
    this.value = value;
    this.text = text;
    this.start = start;
    this.end = end;
  }

  get range(): ShellRange {
    return [this.start, this.end];
  }
}

export interface PipelineView {
  /** The simple commands of the pipeline by position (undefined for a compound member). */
  members: (ShellCommand | undefined)[];
  operators: readonly ('|' | '|&')[];
}

export interface ShellAssignmentView {
  name: string;
  value: string | undefined;
  text: string;
  range: ShellRange;
}

export interface ShellRedirectView {
  op: string;
  fd: string | undefined;
  target: ShellArg;
  heredoc: string | undefined;
}

const NO_ASSIGNMENTS: readonly ShellAssignmentView[] = Object.freeze([]);
const NO_REDIRECTS: readonly ShellRedirectView[] = Object.freeze([]);

// Where a command sits, as bits of one number.
const IN_SUBSHELL = 1;
const IN_SUBSTITUTION = 2;
const IN_CONDITION = 4;
const IN_LOOP = 8;
const IN_FUNCTION = 16;
const BACKGROUND = 32;
const JOINED_AND = 64;
const JOINED_OR = 128;

/**
 * A command a script runs. The flags of where it sits are bits of one number and its range two
 * numbers, and `args` is made from `words` when first asked for: one object per command, kept
 * for every command of every RUN of a scan.
 */
export class ShellCommand {
  /** The command name after quote removal (`/usr/bin/apt-get`), undefined when computed. */
  readonly name: string | undefined;
  /** The base name of `name` (`apt-get`). */
  readonly program: string | undefined;
  /** Every word, the name included. */
  readonly words: readonly ShellArg[];
  #args: readonly ShellArg[] | undefined;
  readonly assignments: readonly ShellAssignmentView[];
  readonly redirects: readonly ShellRedirectView[];
  readonly start: number;
  readonly end: number;
  /** The pipeline, when it has more than one member; else made when first asked for (see `pipeline`). */
  #pipeline: PipelineView | undefined;
  /** For a command alone in its pipeline: the command the pipeline is made of (itself, or the wrapper it was derived from). */
  readonly #alone: ShellCommand | undefined;
  readonly pipeIndex: number;
  readonly #bits: number;
  /** The command that runs this one (`sudo` for the `apt-get` of `sudo apt-get ...`). */
  wrapper: ShellCommand | undefined = undefined;
  /** The command this one runs, when it is a wrapper. */
  wrapped: ShellCommand | undefined = undefined;
  /** For a command in a `$(...)`, `<(...)` or backquotes: the command whose word holds it. */
  enclosing: ShellCommand | undefined = undefined;

  constructor(
    words: readonly ShellArg[],
    assignments: readonly ShellAssignmentView[],
    redirects: readonly ShellRedirectView[],
    start: number,
    end: number,
    pipeline: PipelineView | ShellCommand | undefined,
    pipeIndex: number,
    bits: number,
  ) {
    const name = words[0]?.value;
    this.name = name;
    this.program = name === undefined ? undefined : baseName(name);
    this.words = words;
    this.assignments = assignments.length === 0 ? NO_ASSIGNMENTS : assignments;
    this.redirects = redirects.length === 0 ? NO_REDIRECTS : redirects;
    this.start = start;
    this.end = end;
    // Most pipelines are one command: their view is only made if a rule asks for it.
    if (pipeline === undefined) this.#alone = this;
    else if (pipeline instanceof ShellCommand) this.#alone = pipeline;
    else this.#pipeline = pipeline;
    this.pipeIndex = pipeIndex;
    this.#bits = bits;
  }

  /** The words after the name. */
  get args(): readonly ShellArg[] {
    if (this.#args === undefined) this.#args = this.words.length <= 1 ? NO_ARGS : this.words.slice(1);
    return this.#args;
  }

  get range(): ShellRange {
    return [this.start, this.end];
  }

  /** The pipeline the command is part of. */
  get pipeline(): PipelineView {
    if (this.#pipeline === undefined) {
      const alone = this.#alone;
      this.#pipeline = alone === undefined || alone === this ? { members: [this], operators: NO_OPERATORS } : alone.pipeline;
    }
    return this.#pipeline;
  }

  /** The operator joining this command's pipeline to the previous one in an `&&`/`||` chain. */
  get joinedBy(): '&&' | '||' | undefined {
    return this.#bits & JOINED_AND ? '&&' : this.#bits & JOINED_OR ? '||' : undefined;
  }
  get inSubshell(): boolean {
    return (this.#bits & IN_SUBSHELL) !== 0;
  }
  get inSubstitution(): boolean {
    return (this.#bits & IN_SUBSTITUTION) !== 0;
  }
  get inCondition(): boolean {
    return (this.#bits & IN_CONDITION) !== 0;
  }
  get inLoop(): boolean {
    return (this.#bits & IN_LOOP) !== 0;
  }
  get inFunction(): boolean {
    return (this.#bits & IN_FUNCTION) !== 0;
  }
  get background(): boolean {
    return (this.#bits & BACKGROUND) !== 0;
  }

  /** A copy of this command that starts at word `from` (the command it wraps), with no assignments. */
  derive(from: number): ShellCommand {
    const inner = new ShellCommand(
      this.words.slice(from),
      NO_ASSIGNMENTS,
      this.redirects,
      this.start,
      this.end,
      this.#pipeline ?? this.#alone,
      this.pipeIndex,
      this.#bits,
    );
    inner.wrapper = this;
    inner.enclosing = this.enclosing;
    return inner;
  }
}

const NO_ARGS: readonly ShellArg[] = Object.freeze([]);
const NO_OPERATORS: readonly ('|' | '|&')[] = Object.freeze([]);

export interface ShellAnalysis {
  script: ShellScript;
  commands: ShellCommand[];
  error: ShellSyntaxError | undefined;
}

interface Context {
  /** Where the commands sit (IN_SUBSHELL, ...) and the operator before them (JOINED_AND, JOINED_OR). */
  bits: number;
  /** Set for commands found inside a `sh -c` string: every range becomes the string's range. */
  rangeOverride: ShellRange | undefined;
  nesting: number;
}

const TOP: Context = { bits: 0, rangeOverride: undefined, nesting: 0 };
const JOINED = JOINED_AND | JOINED_OR;

/** The context of commands nested in a construct: `add` bits set and no `&&`/`||` before them. */
function inside(context: Context, add: number): Context {
  return { bits: (context.bits & ~JOINED) | add, rangeOverride: context.rangeOverride, nesting: context.nesting };
}

/** Parses a script and lists the commands it runs. Never throws. */
export function analyseShell(text: string): ShellAnalysis {
  const parsed = parseShell(text);
  const commands: ShellCommand[] = [];
  walkList(parsed.script.body, TOP, commands);
  return { script: parsed.script, commands, error: parsed.error };
}

interface Rendering {
  value: string;
  text: string;
  dynamic: boolean;
}

function renderParts(parts: readonly ShellWordPart[], out: Rendering): void {
  for (const part of parts) {
    switch (part.type) {
      case 'Literal':
      case 'SingleQuoted':
        out.value += part.value;
        out.text += part.value;
        break;
      case 'DoubleQuoted':
        renderParts(part.parts, out);
        break;
      case 'Parameter':
        out.dynamic = true;
        out.text += part.text;
        break;
      case 'CommandSubstitution':
        out.dynamic = true;
        out.text += '$(...)';
        break;
      case 'Arithmetic':
        out.dynamic = true;
        out.text += `$((${part.expression}))`;
        break;
      case 'ProcessSubstitution':
        out.dynamic = true;
        out.text += `${part.direction}(...)`;
        break;
    }
  }
}

/** The static value and pattern text of a word. */
export function renderWord(word: ShellWord): { value: string | undefined; text: string } {
  const parts = word.parts;
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only !== undefined && (only.type === 'Literal' || only.type === 'SingleQuoted')) {
    return { value: only.value, text: only.value };
  }
  const out: Rendering = { value: '', text: '', dynamic: false };
  renderParts(parts, out);
  return { value: out.dynamic ? undefined : out.value, text: out.text };
}

function toArg(word: ShellWord, context: Context): ShellArg {
  const parts = word.parts;
  const only = parts.length === 1 ? parts[0] : undefined;
  const range = context.rangeOverride ?? word.range;
  if (only !== undefined && (only.type === 'Literal' || only.type === 'SingleQuoted')) {
    return new WordArg(only.value, only.value, range[0], range[1]);
  }
  const rendered = renderWord(word);
  return new WordArg(rendered.value, rendered.text, range[0], range[1]);
}

export function baseName(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash === -1 ? name : name.slice(slash + 1);
}

function walkList(list: ShellList, context: Context, out: ShellCommand[]): void {
  const outer = context.bits & ~JOINED;
  for (const item of list.items) {
    const pipelines = item.pipelines;
    const base = item.background ? outer | BACKGROUND : outer;
    for (let index = 0; index < pipelines.length; index++) {
      const joinedBy = index === 0 ? context.bits & JOINED : item.operators[index - 1] === '&&' ? JOINED_AND : JOINED_OR;
      const bits = base | joinedBy;
      walkPipeline(
        pipelines[index] as ShellPipeline,
        bits === context.bits ? context : { bits, rangeOverride: context.rangeOverride, nesting: context.nesting },
        out,
      );
    }
  }
}

function walkPipeline(pipeline: ShellPipeline, context: Context, out: ShellCommand[]): void {
  const commands = pipeline.commands;
  if (commands.length === 1) {
    walkCommand(commands[0] as ShellCommandNode, context, out, undefined, 0);
    return;
  }
  const view: PipelineView = { members: new Array(commands.length), operators: pipeline.operators };
  for (let index = 0; index < commands.length; index++) {
    view.members[index] = walkCommand(commands[index] as ShellCommandNode, context, out, view, index);
  }
}

function substitutions(word: ShellWord | undefined, context: Context, out: ShellCommand[]): void {
  if (word) substitutionsIn(word.parts, context, out);
}

function substitutionsIn(parts: readonly ShellWordPart[], context: Context, out: ShellCommand[]): void {
  for (const part of parts) {
    if (part.type === 'DoubleQuoted') substitutionsIn(part.parts, context, out);
    else if (part.type === 'CommandSubstitution' || part.type === 'ProcessSubstitution') {
      walkList(part.body.body, inside(context, IN_SUBSTITUTION), out);
    }
  }
}

/** Whether a word holds a command or process substitution. */
function hasSubstitution(parts: readonly ShellWordPart[]): boolean {
  for (const part of parts) {
    if (part.type === 'CommandSubstitution' || part.type === 'ProcessSubstitution') return true;
    if (part.type === 'DoubleQuoted' && hasSubstitution(part.parts)) return true;
  }
  return false;
}

const NO_PIPELINE: PipelineView = Object.freeze({ members: [], operators: [] });

function walkCommand(
  node: ShellCommandNode,
  context: Context,
  out: ShellCommand[],
  pipeline: PipelineView | undefined,
  pipeIndex: number,
): ShellCommand | undefined {
  for (const redirect of node.redirects) substitutions(redirect.target, context, out);
  switch (node.type) {
    case 'SimpleCommand':
      return simpleCommand(node, context, out, pipeline, pipeIndex);
    case 'Subshell':
      walkList(node.body, inside(context, IN_SUBSHELL), out);
      return undefined;
    case 'BraceGroup':
      walkList(node.body, inside(context, 0), out);
      return undefined;
    case 'If':
      for (const clause of node.clauses) {
        walkList(clause.condition, inside(context, IN_CONDITION), out);
        walkList(clause.body, inside(context, 0), out);
      }
      if (node.elseBody) walkList(node.elseBody, inside(context, 0), out);
      return undefined;
    case 'For':
      for (const item of node.items ?? []) substitutions(item, context, out);
      walkList(node.body, inside(context, IN_LOOP), out);
      return undefined;
    case 'While':
      walkList(node.condition, inside(context, IN_CONDITION | IN_LOOP), out);
      walkList(node.body, inside(context, IN_LOOP), out);
      return undefined;
    case 'Case':
      substitutions(node.subject, context, out);
      for (const item of node.items) walkList(item.body, inside(context, 0), out);
      return undefined;
    case 'TestCommand':
      for (const word of node.words) {
        if (hasSubstitution(word.parts)) {
          substitutions(
            word,
            { bits: context.bits | IN_CONDITION, rangeOverride: context.rangeOverride, nesting: context.nesting },
            out,
          );
        }
      }
      return undefined;
    case 'ArithmeticCommand':
      return undefined;
    case 'Function':
      walkCommand(node.body, inside(context, IN_FUNCTION), out, NO_PIPELINE, 0);
      return undefined;
  }
}

function simpleCommand(
  node: ShellSimpleCommand,
  context: Context,
  out: ShellCommand[],
  pipeline: PipelineView | undefined,
  pipeIndex: number,
): ShellCommand {
  const before = out.length;
  const override = context.rangeOverride;
  for (const assignment of node.assignments) substitutions(assignment.value, context, out);
  const words = new Array<ShellArg>(node.words.length);
  for (let i = 0; i < words.length; i++) {
    const word = node.words[i] as ShellWord;
    words[i] = toArg(word, context);
    if (hasSubstitution(word.parts)) substitutions(word, context, out);
  }
  const nested = out.length;
  const range = override ?? node.range;
  const command = new ShellCommand(
    words,
    node.assignments.length === 0
      ? NO_ASSIGNMENTS
      : node.assignments.map((a) => {
          const rendered = a.value ? renderWord(a.value) : { value: '', text: '' };
          return { name: a.name, value: rendered.value, text: rendered.text, range: override ?? a.range };
        }),
    node.redirects.length === 0
      ? NO_REDIRECTS
      : node.redirects.map((r) => ({ op: r.op, fd: r.fd, target: toArg(r.target, context), heredoc: r.heredoc?.body })),
    range[0],
    range[1],
    pipeline,
    pipeIndex,
    context.bits,
  );
  for (let i = before; i < nested; i++) {
    const inner = out[i] as ShellCommand;
    if (inner.enclosing === undefined && inner.inSubstitution) inner.enclosing = command;
  }
  out.push(command);
  unwrap(command, context, out);
  return command;
}

// ---- wrappers -----------------------------------------------------------------------------------

/** Options (that take a value) of commands that run another command given after their options. */
const WRAPPERS: Readonly<Record<string, { valued: string[]; operands?: number; assignments?: boolean }>> = lookupTable({
  sudo: { valued: ['-u', '-g', '-C', '-h', '-p', '-r', '-t', '-U', '-D', '-T', '--user', '--group', '--chdir'] },
  doas: { valued: ['-u', '-C'] },
  env: { valued: ['-u', '-C', '-S', '--unset', '--chdir', '--split-string'], assignments: true },
  nohup: { valued: [] },
  exec: { valued: ['-a'] },
  command: { valued: [] },
  time: { valued: ['-f', '-o', '--format', '--output'] },
  nice: { valued: ['-n', '--adjustment'] },
  ionice: { valued: ['-c', '-n', '-p', '-P', '-u', '--class', '--classdata'] },
  timeout: { valued: ['-s', '-k', '--signal', '--kill-after'], operands: 1 },
  stdbuf: { valued: ['-i', '-o', '-e', '--input', '--output', '--error'] },
  chroot: { valued: ['--userspec', '--groups'], operands: 1 },
  gosu: { valued: [], operands: 1 },
  'su-exec': { valued: [], operands: 1 },
  setpriv: { valued: ['--reuid', '--regid', '--groups', '--inh-caps', '--bounding-set'] },
  xargs: { valued: ['-a', '-d', '-E', '-I', '-L', '-n', '-P', '-s', '--arg-file', '--delimiter', '--max-args', '--max-procs'] },
  busybox: { valued: [] },
  eatmydata: { valued: [] },
  tini: { valued: ['-s', '-p', '-e'] },
});

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);

function unwrap(command: ShellCommand, context: Context, out: ShellCommand[]): void {
  const program = command.program;
  if (program === undefined) return;
  if (SHELLS.has(program)) {
    nestedScript(
      command,
      context,
      out,
      command.args.findIndex((a) => a.value === '-c' || /^-[a-z]*c[a-z]*$/.test(a.value ?? '')),
    );
    return;
  }
  if (program === 'su') {
    nestedScript(
      command,
      context,
      out,
      command.args.findIndex((a) => a.value === '-c' || a.value === '--command'),
    );
    return;
  }
  const spec = WRAPPERS[program];
  if (!spec) return;
  if (program === 'command' && command.args.some((a) => a.value === '-v' || a.value === '-V')) return;
  let index = 1;
  let operands = spec.operands ?? 0;
  while (index < command.words.length) {
    const word = command.words[index] as ShellArg;
    const value = word.value;
    if (value === undefined) break;
    if (value === '--') {
      index++;
      break;
    }
    if (value.startsWith('-') && value.length > 1) {
      const option = value.includes('=') ? value.slice(0, value.indexOf('=')) : value;
      index += spec.valued.includes(option) && !value.includes('=') ? 2 : 1;
      continue;
    }
    if (spec.assignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(value)) {
      index++;
      continue;
    }
    if (operands > 0) {
      operands--;
      index++;
      continue;
    }
    break;
  }
  if (index >= command.words.length) return;
  const inner = command.derive(index);
  command.wrapped = inner;
  out.push(inner);
  unwrap(inner, context, out);
}

const MAX_NESTED_SCRIPTS = 4;

function nestedScript(command: ShellCommand, context: Context, out: ShellCommand[], flagIndex: number): void {
  if (flagIndex === -1 || context.nesting >= MAX_NESTED_SCRIPTS) return;
  const scriptArg = command.args[flagIndex + 1];
  if (!scriptArg) return;
  const analysis = parseShell(scriptArg.value ?? scriptArg.text);
  const before = out.length;
  walkList(
    analysis.script.body,
    { bits: context.bits & ~JOINED, rangeOverride: scriptArg.range, nesting: context.nesting + 1 },
    out,
  );
  const first = out[before];
  if (first) {
    command.wrapped = first;
    for (let i = before; i < out.length; i++) {
      const nested = out[i] as ShellCommand;
      if (nested.wrapper === undefined) nested.wrapper = command;
    }
  }
}
