/**
 * The syntax tree of a POSIX shell / bash script, with the character range of every node in the
 * text that was parsed. Enough of bash is modelled to find every command a script runs, with its
 * words, redirections and the structure around it (pipelines, `&&` chains, subshells, loops,
 * conditions, command substitutions and here-documents).
 */

/** A half-open range of character offsets [start, end) into the parsed text. */
export type ShellRange = readonly [start: number, end: number];

export interface ShellScript {
  type: 'Script';
  body: ShellList;
  range: ShellRange;
}

/** Commands separated by `;`, `&` or newlines. */
export interface ShellList {
  type: 'List';
  items: ShellAndOr[];
  range: ShellRange;
}

/** Pipelines joined by `&&` and `||`; `background` when the item ends with `&`. */
export interface ShellAndOr {
  type: 'AndOr';
  pipelines: ShellPipeline[];
  /** `operators[i]` joins `pipelines[i]` and `pipelines[i + 1]`. */
  operators: ('&&' | '||')[];
  background: boolean;
  range: ShellRange;
}

export interface ShellPipeline {
  type: 'Pipeline';
  negated: boolean;
  timed: boolean;
  commands: ShellCommandNode[];
  /** `operators[i]` joins `commands[i]` and `commands[i + 1]`: `|`, or `|&` (stderr too). */
  operators: ('|' | '|&')[];
  range: ShellRange;
}

export type ShellCommandNode =
  | ShellSimpleCommand
  | ShellSubshell
  | ShellBraceGroup
  | ShellIf
  | ShellFor
  | ShellWhile
  | ShellCase
  | ShellArithmeticCommand
  | ShellTestCommand
  | ShellFunction;

export interface ShellSimpleCommand {
  type: 'SimpleCommand';
  assignments: ShellAssignment[];
  words: ShellWord[];
  redirects: ShellRedirect[];
  range: ShellRange;
}

export interface ShellAssignment {
  type: 'Assignment';
  name: string;
  append: boolean;
  /** The value word (absent for `NAME=`); for arrays `NAME=(a b)`, the raw list as one word. */
  value: ShellWord | undefined;
  range: ShellRange;
}

export interface ShellRedirect {
  type: 'Redirect';
  /** The file descriptor written before the operator (`2` in `2>&1`), if any. */
  fd: string | undefined;
  op: string;
  target: ShellWord;
  heredoc: ShellHeredoc | undefined;
  range: ShellRange;
}

export interface ShellHeredoc {
  delimiter: string;
  /** The delimiter was quoted: the body is not expanded. */
  quoted: boolean;
  /** `<<-`: leading tabs are removed from body lines. */
  stripTabs: boolean;
  body: string;
  /** Range of the body (without the delimiter line). */
  bodyRange: ShellRange;
}

interface Compound {
  redirects: ShellRedirect[];
  range: ShellRange;
}

export interface ShellSubshell extends Compound {
  type: 'Subshell';
  body: ShellList;
}

export interface ShellBraceGroup extends Compound {
  type: 'BraceGroup';
  body: ShellList;
}

export interface ShellIf extends Compound {
  type: 'If';
  clauses: { condition: ShellList; body: ShellList }[];
  elseBody: ShellList | undefined;
}

export interface ShellFor extends Compound {
  type: 'For';
  variable: string;
  /** Words after `in`; undefined for `for x; do` (the positional parameters) and C-style loops. */
  items: ShellWord[] | undefined;
  /** The `((init; test; step))` text of a C-style loop. */
  arithmetic: string | undefined;
  body: ShellList;
}

export interface ShellWhile extends Compound {
  type: 'While';
  until: boolean;
  condition: ShellList;
  body: ShellList;
}

export interface ShellCase extends Compound {
  type: 'Case';
  subject: ShellWord;
  items: { patterns: ShellWord[]; body: ShellList }[];
}

export interface ShellArithmeticCommand extends Compound {
  type: 'ArithmeticCommand';
  expression: string;
}

/** `[[ ... ]]`. */
export interface ShellTestCommand extends Compound {
  type: 'TestCommand';
  words: ShellWord[];
}

export interface ShellFunction extends Compound {
  type: 'Function';
  name: string;
  body: ShellCommandNode;
}

export interface ShellWord {
  type: 'Word';
  parts: ShellWordPart[];
  range: ShellRange;
}

export type ShellWordPart =
  | { type: 'Literal'; value: string; range: ShellRange }
  | { type: 'SingleQuoted'; value: string; range: ShellRange }
  | { type: 'DoubleQuoted'; parts: ShellWordPart[]; range: ShellRange }
  | { type: 'Parameter'; name: string; text: string; range: ShellRange }
  | { type: 'CommandSubstitution'; body: ShellScript; backquoted: boolean; range: ShellRange }
  | { type: 'Arithmetic'; expression: string; range: ShellRange }
  | { type: 'ProcessSubstitution'; direction: '<' | '>'; body: ShellScript; range: ShellRange };

export interface ShellSyntaxError {
  /** Offset in the parsed text where the parser gave up. */
  offset: number;
  message: string;
}

export interface ShellParseResult {
  script: ShellScript;
  /** Set when the text is not valid shell; `script` then holds what a tolerant pass found. */
  error: ShellSyntaxError | undefined;
}
