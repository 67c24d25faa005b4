/**
 * The commands a shell script runs, flattened out of its syntax tree in execution order: each with
 * its static argument values, the pipeline it is part of, the `&&`/`||` operator before it, and
 * where it sits (a subshell, a command substitution, a condition, a loop or a function). Commands run
 * through wrappers (`sudo`, `env`, `exec`, `timeout`, `xargs`, `sh -c '...'`, ...) are unwrapped so
 * that a rule about `apt-get` also sees `sudo apt-get`.
 */
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

export interface ShellArg {
  /** The value after quote removal; undefined when it depends on an expansion. */
  value: string | undefined;
  /** The value with expansions kept as written (`$VERSION`), for pattern checks. */
  text: string;
  range: ShellRange;
}

export interface PipelineView {
  /** The simple commands of the pipeline by position (undefined for a compound member). */
  members: (ShellCommand | undefined)[];
  operators: readonly ('|' | '|&')[];
}

export interface ShellCommand {
  /** The command name after quote removal (`/usr/bin/apt-get`), undefined when computed. */
  name: string | undefined;
  /** The base name of `name` (`apt-get`). */
  program: string | undefined;
  /** Every word, the name included. */
  words: ShellArg[];
  /** The words after the name. */
  args: ShellArg[];
  assignments: { name: string; value: string | undefined; text: string; range: ShellRange }[];
  redirects: { op: string; fd: string | undefined; target: ShellArg; heredoc: string | undefined }[];
  range: ShellRange;
  pipeline: PipelineView;
  pipeIndex: number;
  /** The operator joining this command's pipeline to the previous one in an `&&`/`||` chain. */
  joinedBy: '&&' | '||' | undefined;
  inSubshell: boolean;
  inSubstitution: boolean;
  inCondition: boolean;
  inLoop: boolean;
  inFunction: boolean;
  background: boolean;
  /** The command that runs this one (`sudo` for the `apt-get` of `sudo apt-get ...`). */
  wrapper: ShellCommand | undefined;
  /** The command this one runs, when it is a wrapper. */
  wrapped: ShellCommand | undefined;
  /** For a command in a `$(...)`, `<(...)` or backquotes: the command whose word holds it. */
  enclosing: ShellCommand | undefined;
}

export interface ShellAnalysis {
  script: ShellScript;
  commands: ShellCommand[];
  error: ShellSyntaxError | undefined;
}

interface Context {
  joinedBy: '&&' | '||' | undefined;
  inSubshell: boolean;
  inSubstitution: boolean;
  inCondition: boolean;
  inLoop: boolean;
  inFunction: boolean;
  background: boolean;
  /** Set for commands found inside a `sh -c` string: every range becomes the string's range. */
  rangeOverride: ShellRange | undefined;
  nesting: number;
}

const TOP: Context = {
  joinedBy: undefined,
  inSubshell: false,
  inSubstitution: false,
  inCondition: false,
  inLoop: false,
  inFunction: false,
  background: false,
  rangeOverride: undefined,
  nesting: 0,
};

/** Parses a script and lists the commands it runs. Never throws. */
export function analyseShell(text: string): ShellAnalysis {
  const parsed = parseShell(text);
  const commands: ShellCommand[] = [];
  walkList(parsed.script.body, TOP, commands);
  return { script: parsed.script, commands, error: parsed.error };
}

/** The static value and pattern text of a word. */
export function renderWord(word: ShellWord): { value: string | undefined; text: string } {
  let value = '';
  let text = '';
  let dynamic = false;
  const visit = (parts: readonly ShellWordPart[]) => {
    for (const part of parts) {
      switch (part.type) {
        case 'Literal':
        case 'SingleQuoted':
          value += part.value;
          text += part.value;
          break;
        case 'DoubleQuoted':
          visit(part.parts);
          break;
        case 'Parameter':
          dynamic = true;
          text += part.text;
          break;
        case 'CommandSubstitution':
          dynamic = true;
          text += '$(...)';
          break;
        case 'Arithmetic':
          dynamic = true;
          text += `$((${part.expression}))`;
          break;
        case 'ProcessSubstitution':
          dynamic = true;
          text += `${part.direction}(...)`;
          break;
      }
    }
  };
  visit(word.parts);
  return { value: dynamic ? undefined : value, text };
}

function toArg(word: ShellWord, context: Context): ShellArg {
  const rendered = renderWord(word);
  return { value: rendered.value, text: rendered.text, range: context.rangeOverride ?? word.range };
}

export function baseName(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash === -1 ? name : name.slice(slash + 1);
}

function walkList(list: ShellList, context: Context, out: ShellCommand[]): void {
  for (const item of list.items) {
    item.pipelines.forEach((pipeline, index) => {
      const joinedBy = index === 0 ? context.joinedBy : item.operators[index - 1];
      walkPipeline(pipeline, { ...context, joinedBy, background: context.background || item.background }, out);
    });
  }
}

function walkPipeline(pipeline: ShellPipeline, context: Context, out: ShellCommand[]): void {
  const view: PipelineView = { members: [], operators: pipeline.operators };
  pipeline.commands.forEach((node, index) => {
    const command = walkCommand(node, context, out, view, index);
    view.members.push(command);
  });
}

function substitutions(word: ShellWord | undefined, context: Context, out: ShellCommand[]): void {
  if (!word) return;
  const visit = (parts: readonly ShellWordPart[]) => {
    for (const part of parts) {
      if (part.type === 'DoubleQuoted') visit(part.parts);
      else if (part.type === 'CommandSubstitution' || part.type === 'ProcessSubstitution') {
        walkList(part.body.body, { ...context, inSubstitution: true, joinedBy: undefined }, out);
      }
    }
  };
  visit(word.parts);
}

function walkCommand(
  node: ShellCommandNode,
  context: Context,
  out: ShellCommand[],
  pipeline: PipelineView,
  pipeIndex: number,
): ShellCommand | undefined {
  for (const redirect of node.redirects) substitutions(redirect.target, context, out);
  switch (node.type) {
    case 'SimpleCommand':
      return simpleCommand(node, context, out, pipeline, pipeIndex);
    case 'Subshell':
      walkList(node.body, { ...context, inSubshell: true, joinedBy: undefined }, out);
      return undefined;
    case 'BraceGroup':
      walkList(node.body, { ...context, joinedBy: undefined }, out);
      return undefined;
    case 'If':
      for (const clause of node.clauses) {
        walkList(clause.condition, { ...context, inCondition: true, joinedBy: undefined }, out);
        walkList(clause.body, { ...context, joinedBy: undefined }, out);
      }
      if (node.elseBody) walkList(node.elseBody, { ...context, joinedBy: undefined }, out);
      return undefined;
    case 'For':
      for (const item of node.items ?? []) substitutions(item, context, out);
      walkList(node.body, { ...context, inLoop: true, joinedBy: undefined }, out);
      return undefined;
    case 'While':
      walkList(node.condition, { ...context, inCondition: true, inLoop: true, joinedBy: undefined }, out);
      walkList(node.body, { ...context, inLoop: true, joinedBy: undefined }, out);
      return undefined;
    case 'Case':
      substitutions(node.subject, context, out);
      for (const item of node.items) walkList(item.body, { ...context, joinedBy: undefined }, out);
      return undefined;
    case 'TestCommand':
      for (const word of node.words) substitutions(word, { ...context, inCondition: true }, out);
      return undefined;
    case 'ArithmeticCommand':
      return undefined;
    case 'Function':
      walkCommand(node.body, { ...context, inFunction: true, joinedBy: undefined }, out, { members: [], operators: [] }, 0);
      return undefined;
  }
}

function simpleCommand(
  node: ShellSimpleCommand,
  context: Context,
  out: ShellCommand[],
  pipeline: PipelineView,
  pipeIndex: number,
): ShellCommand {
  const before = out.length;
  for (const assignment of node.assignments) substitutions(assignment.value, context, out);
  const words = node.words.map((w) => toArg(w, context));
  for (const word of node.words) substitutions(word, context, out);
  const nested = out.length;
  const name = words[0]?.value;
  const command: ShellCommand = {
    name,
    program: name === undefined ? undefined : baseName(name),
    words,
    args: words.slice(1),
    assignments: node.assignments.map((a) => {
      const rendered = a.value ? renderWord(a.value) : { value: '', text: '' };
      return { name: a.name, value: rendered.value, text: rendered.text, range: context.rangeOverride ?? a.range };
    }),
    redirects: node.redirects.map((r) => ({
      op: r.op,
      fd: r.fd,
      target: toArg(r.target, context),
      heredoc: r.heredoc?.body,
    })),
    range: context.rangeOverride ?? node.range,
    pipeline,
    pipeIndex,
    joinedBy: context.joinedBy,
    inSubshell: context.inSubshell,
    inSubstitution: context.inSubstitution,
    inCondition: context.inCondition,
    inLoop: context.inLoop,
    inFunction: context.inFunction,
    background: context.background,
    wrapper: undefined,
    wrapped: undefined,
    enclosing: undefined,
  };
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
const WRAPPERS: Record<string, { valued: string[]; operands?: number; assignments?: boolean }> = {
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
};

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);

/** A copy of `command` that starts at word `from` (the command it wraps). */
function derive(command: ShellCommand, from: number): ShellCommand {
  const words = command.words.slice(from);
  const name = words[0]?.value;
  return {
    ...command,
    name,
    program: name === undefined ? undefined : baseName(name),
    words,
    args: words.slice(1),
    assignments: [],
    wrapper: command,
    wrapped: undefined,
  };
}

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
  const inner = derive(command, index);
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
    { ...context, joinedBy: undefined, rangeOverride: scriptArg.range, nesting: context.nesting + 1 },
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
