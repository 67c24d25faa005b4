/**
 * Splits a Dockerfile into instructions the way BuildKit's parser does: parser directives
 * (`# syntax=`, `# escape=`, `# check=`) at the top only, comment lines dropped (also inside line
 * continuations), empty continuation lines skipped, line continuations with the escape character
 * joined without adding a space, and here-documents (`<<EOF`, `<<-EOF`, quoted delimiters) read after
 * `RUN`, `COPY` and `ADD` (and `ONBUILD` of those) in shell form. Every instruction keeps a map
 * from its joined text back to the file, so findings point at the exact character.
 *
 * Positions are character offsets into the source text; the engine turns them into lines.
 */
import { type MappedText, MappedTextBuilder } from '../mapped-text.js';

export interface DockerfileDirective {
  name: string;
  value: string;
  range: readonly [number, number];
}

export interface RawHeredoc {
  /** The delimiter, quotes removed. */
  name: string;
  /** Unquoted delimiter: variables in the body are expanded. */
  expand: boolean;
  /** `<<-`: leading tabs are stripped. */
  chomp: boolean;
  /** The file descriptor before `<<` (`3<<EOF`), 0 when none is written. */
  fd: number;
  /** The body (tabs stripped for `<<-`), each line ending in a newline. */
  content: string;
  /** The body as it is in the source, with its map. */
  body: MappedText;
  /** From the first body line to the end of the terminator line. */
  range: readonly [number, number];
}

export interface RawInstruction {
  /** The instruction keyword as written (`run`, `RUN`). */
  keyword: string;
  keywordRange: readonly [number, number];
  /** The whole instruction: from the keyword to the end of its last line (here-documents included). */
  range: readonly [number, number];
  /** The instruction's logical line (continuations joined, comment lines dropped). */
  line: MappedText;
  /** Offset in `line` where the arguments start (after the keyword and the blanks after it). */
  argsStart: number;
  heredocs: readonly RawHeredoc[];
}

export interface DockerfileSyntaxError {
  offset: number;
  message: string;
}

export interface ParsedDockerfile {
  directives: DockerfileDirective[];
  escapeChar: '\\' | '`';
  instructions: RawInstruction[];
  errors: DockerfileSyntaxError[];
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const HEREDOC_WORD = /^(\d*)<<(-?)([^<]*)$/;
const HEREDOC_INSTRUCTIONS = new Set(['run', 'copy', 'add']);
const NO_HEREDOCS: readonly RawHeredoc[] = Object.freeze([]);

interface Line {
  start: number;
  /** End of the content, before `\r\n` or `\n`. */
  end: number;
  /** Start of the next line. */
  next: number;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 13;
}

export function parseDockerfile(text: string): ParsedDockerfile {
  const directives: DockerfileDirective[] = [];
  const instructions: RawInstruction[] = [];
  const errors: DockerfileSyntaxError[] = [];
  let escapeChar: '\\' | '`' = '\\';
  let directivesDone = false;
  const seenDirectives = new Set<string>();
  const len = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const readLine = (): Line => {
    const start = pos;
    let next = text.indexOf('\n', start);
    if (next === -1) next = len;
    else next++;
    let end = next === len && text.charCodeAt(len - 1) !== 10 ? len : next - 1;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    pos = next;
    return { start, end, next };
  };

  const leadingBlanks = (line: Line): number => {
    let i = line.start;
    while (i < line.end && (isBlank(text.charCodeAt(i)) || text.charCodeAt(i) === 10)) i++;
    return i;
  };

  /** BuildKit's directive scan: runs on every line until one is not a known directive. */
  const possibleDirective = (contentStart: number, line: Line) => {
    if (directivesDone) return;
    const content = text.slice(contentStart, line.end);
    const match = DIRECTIVE.exec(content);
    const name = match?.[1]?.toLowerCase();
    if (!match || name === undefined || !KNOWN_DIRECTIVES.has(name)) {
      directivesDone = true;
      return;
    }
    if (seenDirectives.has(name)) {
      errors.push({ offset: contentStart, message: `only one ${name} parser directive can be used` });
      return;
    }
    seenDirectives.add(name);
    const value = match[2] as string;
    directives.push({ name, value, range: [contentStart, line.end] });
    if (name === 'escape') {
      if (value === '\\' || value === '`') escapeChar = value;
      else errors.push({ offset: contentStart, message: `invalid escape token '${value}' does not match \` or \\` });
    }
  };

  /** Strips a trailing line continuation; returns the content end and whether the line continues. */
  const continuation = (contentStart: number, end: number): { end: number; continues: boolean } => {
    let e = end;
    while (e > contentStart && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
    if (e > contentStart && text[e - 1] === escapeChar && (e - 1 === contentStart || text[e - 2] !== escapeChar)) {
      return { end: e - 1, continues: true };
    }
    return { end, continues: false };
  };

  while (pos < len) {
    const first = readLine();
    const contentStart = leadingBlanks(first);
    possibleDirective(contentStart, first);
    if (contentStart < first.end && text.charCodeAt(contentStart) === 35) continue; // comment
    let cont = continuation(contentStart, first.end);
    if (!cont.continues && contentStart >= cont.end) continue; // blank line
    const builder = new MappedTextBuilder();
    builder.add(text.slice(contentStart, cont.end), contentStart);
    let lastEnd = first.end;
    while (cont.continues && pos < len) {
      const line = readLine();
      possibleDirective(line.start, line);
      const lead = leadingBlanks(line);
      if (lead < line.end && text.charCodeAt(lead) === 35) {
        lastEnd = line.end;
        continue; // comment inside a continuation
      }
      if (lead >= line.end) {
        lastEnd = line.end;
        continue; // empty continuation line
      }
      cont = continuation(line.start, line.end);
      builder.add(text.slice(line.start, cont.end), line.start);
      lastEnd = line.end;
    }
    const logical = builder.build();
    const instruction = splitInstruction(logical, contentStart, lastEnd);
    if (!instruction) continue;
    const keyword = instruction.keyword.toLowerCase();
    let heredocTarget = keyword;
    let heredocArgs = instruction.argsStart;
    if (keyword === 'onbuild') {
      const inner = /^\s*(\S+)\s*/.exec(logical.text.slice(instruction.argsStart));
      heredocTarget = inner?.[1]?.toLowerCase() ?? '';
      heredocArgs += inner?.[0].length ?? 0;
    }
    if (HEREDOC_INSTRUCTIONS.has(heredocTarget) && !isJsonForm(logical.text.slice(heredocArgs))) {
      for (const doc of heredocsOf(logical.text)) {
        const bodyStart = pos;
        let terminated = false;
        const body = new MappedTextBuilder();
        let content = '';
        let end = pos;
        while (pos < len) {
          const line = readLine();
          let candidate = text.slice(line.start, line.end);
          if (doc.chomp) candidate = candidate.replace(/^\t+/, '');
          end = line.end;
          if (candidate === doc.name) {
            terminated = true;
            break;
          }
          const raw = text.slice(line.start, line.next);
          body.add(raw, line.start);
          content += doc.chomp ? raw.replace(/^\t+/, '') : raw;
        }
        if (!terminated) {
          errors.push({
            offset: instruction.keywordRange[0],
            message: `unterminated heredoc: no line "${doc.name}" ends <<${doc.name}`,
          });
        }
        instruction.heredocs = [...instruction.heredocs, { ...doc, content, body: body.build(), range: [bodyStart, end] }];
        instruction.range = [instruction.range[0], end];
      }
    }
    instructions.push(instruction);
  }
  return { directives, escapeChar, instructions, errors };
}

function splitInstruction(logical: MappedText, start: number, end: number): RawInstruction | undefined {
  const line = logical.text;
  let i = 0;
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  const keywordStart = i;
  while (i < line.length && !isBlank(line.charCodeAt(i))) i++;
  if (i === keywordStart) return undefined;
  const keywordEnd = i;
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  return {
    keyword: line.slice(keywordStart, keywordEnd),
    keywordRange: logical.sourceRange([keywordStart, keywordEnd]),
    range: [start, end],
    line: logical,
    argsStart: i,
    heredocs: NO_HEREDOCS,
  };
}

export function isJsonForm(args: string): boolean {
  const trimmed = args.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) return false;
  try {
    const value: unknown = JSON.parse(trimmed);
    return Array.isArray(value) && value.every((v) => typeof v === 'string');
  } catch {
    return false;
  }
}

/** The here-documents a logical line opens, as BuildKit finds them (words that are `<<NAME`). */
function heredocsOf(line: string): Omit<RawHeredoc, 'content' | 'body' | 'range'>[] {
  if (!line.includes('<<')) return [];
  const out: Omit<RawHeredoc, 'content' | 'body' | 'range'>[] = [];
  for (const word of rawWords(line)) {
    const match = HEREDOC_WORD.exec(word);
    if (!match) continue;
    const rest = match[3] as string;
    if (rest === '') continue;
    const name = rest.replace(/\\(.)/g, '$1').replace(/["']/g, '');
    if (name === '' || /\s/.test(name)) continue;
    out.push({ name, expand: !/["'\\]/.test(rest), chomp: match[2] === '-', fd: Number(match[1] || '0') });
  }
  return out;
}

/** Splits on unquoted blanks, keeping quotes and escapes in the words. */
function rawWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote !== '') {
      word += c;
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      continue;
    }
    if (c === ' ' || c === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    word += c;
    if (c === '"' || c === "'") quote = c;
    else if (c === '\\' && i + 1 < line.length) word += line[++i];
  }
  if (inWord) words.push(word);
  return words;
}
