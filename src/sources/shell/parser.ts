/**
 * A recursive-descent parser for POSIX shell and the bash extensions that Dockerfiles, CI jobs and
 * scripts use: quoting (`'`, `"`, `$'...'`), parameter, command, arithmetic and process
 * substitution, `&&`/`||` lists, pipelines (`|`, `|&`), subshells, brace groups, `if`, `for`
 * (including C-style), `while`/`until`, `case`, `[[ ]]`, `(( ))`, functions, redirections and
 * here-documents (`<<`, `<<-`, `<<<`). Line continuations (backslash-newline) are removed as the
 * shell does.
 *
 * Invalid input never throws out of `parseShell`: it returns the error (with its offset) and a
 * syntax tree from a tolerant pass that still finds the commands, so callers can degrade gracefully.
 */
import type {
  ShellAndOr,
  ShellAssignment,
  ShellCase,
  ShellCommandNode,
  ShellFor,
  ShellFunction,
  ShellIf,
  ShellList,
  ShellParseResult,
  ShellPipeline,
  ShellRange,
  ShellRedirect,
  ShellScript,
  ShellSimpleCommand,
  ShellWhile,
  ShellWord,
  ShellWordPart,
} from './ast.js';

/** Deepest nesting of substitutions, subshells and compound commands before the parser gives up. */
export const MAX_SHELL_DEPTH = 100;

class ShellError extends Error {
  readonly offset: number;
  constructor(offset: number, message: string) {
    super(message);
    this.offset = offset;
  }
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const DQUOTE = 34;
const HASH = 35;
const DOLLAR = 36;
const AMP = 38;
const SQUOTE = 39;
const LPAREN = 40;
const RPAREN = 41;
const STAR = 42;
const PLUS = 43;
const SEMI = 59;
const LT = 60;
const GT = 62;
const QUESTION = 63;
const AT = 64;
const BACKSLASH = 92;
const BACKTICK = 96;
const LBRACE = 123;
const PIPE = 124;
const RBRACE = 125;

/** Characters that end a run of plain literal text inside a word. */
const SPECIAL = new Uint8Array(128);
for (const c of [TAB, LF, CR, SPACE, DQUOTE, DOLLAR, AMP, SQUOTE, LPAREN, RPAREN, SEMI, LT, GT, BACKSLASH, BACKTICK, PIPE]) {
  SPECIAL[c] = 1;
}
/** Characters that end a word. */
const WORD_END = new Uint8Array(128);
for (const c of [TAB, LF, SPACE, AMP, LPAREN, RPAREN, SEMI, LT, GT, PIPE]) WORD_END[c] = 1;

const RESERVED = new Set([
  'if',
  'then',
  'elif',
  'else',
  'fi',
  'do',
  'done',
  'case',
  'esac',
  'while',
  'until',
  'for',
  'select',
  'in',
  'function',
  '{',
  '}',
  '!',
  '[[',
  ']]',
  'time',
]);
/** Reserved words by their first character code, longest first. */
const RESERVED_BY_FIRST = new Map<number, string[]>();
for (const word of [...RESERVED].sort((a, b) => b.length - a.length)) {
  const list = RESERVED_BY_FIRST.get(word.charCodeAt(0)) ?? [];
  list.push(word);
  RESERVED_BY_FIRST.set(word.charCodeAt(0), list);
}
/** Reserved words that cannot start a command. */
const NOT_A_COMMAND = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}', ']]']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?(\+?)=/;

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

interface PendingHeredoc {
  redirect: ShellRedirect;
  delimiter: string;
  stripTabs: boolean;
  quoted: boolean;
}

const EMPTY: ReadonlySet<string> = new Set();

class Parser {
  readonly text: string;
  readonly len: number;
  /** Offset added to every range (for the text of a backquoted substitution). */
  readonly base: number;
  readonly tolerant: boolean;
  pos = 0;
  depth: number;
  pending: PendingHeredoc[] = [];

  constructor(text: string, tolerant: boolean, base = 0, depth = 0) {
    this.text = text;
    this.len = text.length;
    this.tolerant = tolerant;
    this.base = base;
    this.depth = depth;
  }

  fail(message: string, at = this.pos): never {
    throw new ShellError(this.base + at, message);
  }

  r(start: number, end: number): ShellRange {
    return [this.base + start, this.base + end];
  }

  code(at = this.pos): number {
    return at < this.len ? this.text.charCodeAt(at) : -1;
  }

  enter(): void {
    if (++this.depth > MAX_SHELL_DEPTH) this.fail(`nesting deeper than ${MAX_SHELL_DEPTH} levels`);
  }

  // ---- whitespace, comments, newlines -------------------------------------------------------

  skipBlanks(): void {
    for (;;) {
      const c = this.code();
      if (c === SPACE || c === TAB) this.pos++;
      else if (c === BACKSLASH && this.code(this.pos + 1) === LF) this.pos += 2;
      else if (c === BACKSLASH && this.code(this.pos + 1) === CR && this.code(this.pos + 2) === LF) this.pos += 3;
      else if (c === CR && this.code(this.pos + 1) === LF) this.pos++;
      else return;
    }
  }

  skipComment(): void {
    const end = this.text.indexOf('\n', this.pos);
    this.pos = end === -1 ? this.len : end;
  }

  /** Consumes one newline and the bodies of the here-documents it starts. */
  newline(): void {
    this.pos++;
    if (this.pending.length > 0) this.readHeredocs();
  }

  skipLinebreaks(): void {
    for (;;) {
      this.skipBlanks();
      const c = this.code();
      if (c === HASH) this.skipComment();
      else if (c === LF) this.newline();
      else return;
    }
  }

  readHeredocs(): void {
    const pending = this.pending;
    this.pending = [];
    for (const doc of pending) {
      const bodyStart = this.pos;
      let bodyEnd = this.len;
      let next = this.len;
      while (this.pos < this.len) {
        let lineEnd = this.text.indexOf('\n', this.pos);
        if (lineEnd === -1) lineEnd = this.len;
        let line = this.text.slice(this.pos, lineEnd);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        if (doc.stripTabs) line = line.replace(/^\t+/, '');
        if (line === doc.delimiter) {
          bodyEnd = this.pos;
          next = Math.min(lineEnd + 1, this.len);
          break;
        }
        this.pos = lineEnd + 1;
      }
      if (this.pos >= this.len) bodyEnd = Math.min(bodyEnd, this.len);
      this.pos = next;
      const raw = this.text.slice(bodyStart, bodyEnd);
      doc.redirect.heredoc = {
        delimiter: doc.delimiter,
        quoted: doc.quoted,
        stripTabs: doc.stripTabs,
        body: doc.stripTabs ? raw.replace(/^\t+/gm, '') : raw,
        bodyRange: this.r(bodyStart, bodyEnd),
      };
    }
  }

  // ---- lookahead ------------------------------------------------------------------------------

  /** Whether the character at `at` ends a reserved word. */
  delimits(at: number): boolean {
    const c = this.code(at);
    return c === -1 || (c < 128 && WORD_END[c] === 1) || c === CR;
  }

  /** The reserved word at the current position, if one is there. */
  reservedAt(): string | undefined {
    const candidates = RESERVED_BY_FIRST.get(this.code());
    if (candidates === undefined) return undefined;
    for (const word of candidates) {
      if (this.text.startsWith(word, this.pos) && this.delimits(this.pos + word.length)) return word;
    }
    return undefined;
  }

  /** A redirection operator (with its file descriptor) at the current position. */
  redirectAt(): { fd: string | undefined; op: string; length: number } | undefined {
    const text = this.text;
    let i = this.pos;
    let fd: string | undefined;
    const c0 = this.code(i);
    if (c0 >= 48 && c0 <= 57) {
      let j = i;
      while (j < this.len && this.code(j) >= 48 && this.code(j) <= 57) j++;
      const after = this.code(j);
      if (after !== LT && after !== GT) return undefined;
      fd = text.slice(i, j);
      i = j;
    } else if (c0 === LBRACE) {
      const close = text.indexOf('}', i);
      if (close === -1 || close - i > 64) return undefined;
      const name = text.slice(i + 1, close);
      const after = this.code(close + 1);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || (after !== LT && after !== GT)) return undefined;
      fd = `{${name}}`;
      i = close + 1;
    }
    const c = this.code(i);
    const n = this.code(i + 1);
    let op: string | undefined;
    if (c === LT) {
      if (n === LPAREN) return undefined; // process substitution
      if (n === LT) op = this.code(i + 2) === LT ? '<<<' : this.code(i + 2) === 45 ? '<<-' : '<<';
      else if (n === AMP) op = '<&';
      else if (n === GT) op = '<>';
      else op = '<';
    } else if (c === GT) {
      if (n === LPAREN) return undefined;
      if (n === GT) op = '>>';
      else if (n === AMP) op = '>&';
      else if (n === PIPE) op = '>|';
      else op = '>';
    } else if (c === AMP && fd === undefined && n === GT) {
      op = this.code(i + 2) === GT ? '&>>' : '&>';
    }
    if (op === undefined) return undefined;
    return { fd, op, length: i - this.pos + op.length };
  }

  // ---- lists ----------------------------------------------------------------------------------

  parseScript(): ShellScript {
    const start = this.pos;
    const list = this.parseList(EMPTY);
    if (this.tolerant) {
      while (this.pos < this.len) {
        this.pos++;
        const more = this.parseList(EMPTY);
        list.items.push(...more.items);
      }
    } else if (this.pos < this.len) {
      this.fail(`unexpected "${this.text.slice(this.pos, this.pos + 10).split('\n')[0]}"`);
    }
    if (this.pending.length > 0) this.readHeredocs();
    list.range = this.r(start, this.len);
    return { type: 'Script', body: list, range: this.r(start, this.len) };
  }

  parseList(terminators: ReadonlySet<string>): ShellList {
    const start = this.pos;
    const items: ShellAndOr[] = [];
    for (;;) {
      this.skipLinebreaks();
      if (this.pos >= this.len) break;
      const c = this.code();
      if (c === RPAREN) break;
      if (c === SEMI && (this.code(this.pos + 1) === SEMI || this.code(this.pos + 1) === AMP)) break;
      if (terminators.size > 0 && !this.tolerant) {
        const word = this.reservedAt();
        if (word !== undefined && terminators.has(word)) break;
      }
      if (this.tolerant && (c === SEMI || c === AMP || c === PIPE || c === LPAREN)) {
        this.pos++;
        continue;
      }
      const item = this.parseAndOr();
      items.push(item);
      this.skipBlanks();
      const sep = this.code();
      if (sep === SEMI && this.code(this.pos + 1) !== SEMI && this.code(this.pos + 1) !== AMP) {
        this.pos++;
        continue;
      }
      if (sep === AMP && this.code(this.pos + 1) !== AMP && this.code(this.pos + 1) !== GT) {
        item.background = true;
        this.pos++;
        continue;
      }
      if (sep === LF) {
        this.newline();
        continue;
      }
      if (sep === HASH) {
        this.skipComment();
        continue;
      }
      break;
    }
    return { type: 'List', items, range: this.r(start, this.pos) };
  }

  parseAndOr(): ShellAndOr {
    const start = this.pos;
    const pipelines = [this.parsePipeline()];
    const operators: ('&&' | '||')[] = [];
    for (;;) {
      this.skipBlanks();
      const c = this.code();
      const n = this.code(this.pos + 1);
      if ((c === AMP && n === AMP) || (c === PIPE && n === PIPE)) {
        operators.push(c === AMP ? '&&' : '||');
        this.pos += 2;
        this.skipLinebreaks();
        if (this.tolerant && this.pos >= this.len) break;
        pipelines.push(this.parsePipeline());
      } else break;
    }
    return { type: 'AndOr', pipelines, operators, background: false, range: this.r(start, this.pos) };
  }

  parsePipeline(): ShellPipeline {
    this.skipBlanks();
    const start = this.pos;
    let negated = false;
    let timed = false;
    for (;;) {
      const word = this.reservedAt();
      if (word === '!') {
        negated = !negated;
        this.pos++;
      } else if (word === 'time') {
        timed = true;
        this.pos += 4;
        this.skipBlanks();
        if (this.text.startsWith('-p', this.pos) && this.delimits(this.pos + 2)) this.pos += 2;
      } else break;
      this.skipBlanks();
    }
    const commands = [this.parseCommand()];
    const operators: ('|' | '|&')[] = [];
    for (;;) {
      this.skipBlanks();
      if (this.code() !== PIPE || this.code(this.pos + 1) === PIPE) break;
      const op = this.code(this.pos + 1) === AMP ? '|&' : '|';
      this.pos += op.length;
      this.skipLinebreaks();
      if (this.tolerant && this.pos >= this.len) break;
      operators.push(op);
      commands.push(this.parseCommand());
    }
    return { type: 'Pipeline', negated, timed, commands, operators, range: this.r(start, this.pos) };
  }

  // ---- commands -------------------------------------------------------------------------------

  parseCommand(): ShellCommandNode {
    this.skipBlanks();
    if (this.tolerant) {
      // Reserved words are separators in the tolerant pass.
      for (let word = this.reservedAt(); word !== undefined; word = this.reservedAt()) {
        this.pos += word.length;
        this.skipBlanks();
      }
      return this.parseSimpleCommand();
    }
    const c = this.code();
    if (c === LPAREN) {
      if (this.code(this.pos + 1) === LPAREN) {
        const arithmetic = this.tryArithmeticCommand();
        if (arithmetic) return arithmetic;
      }
      return this.parseSubshell();
    }
    const word = this.reservedAt();
    switch (word) {
      case 'if':
        return this.withRedirects(this.parseIf());
      case 'for':
      case 'select':
        return this.withRedirects(this.parseFor(word));
      case 'while':
      case 'until':
        return this.withRedirects(this.parseWhile(word));
      case 'case':
        return this.withRedirects(this.parseCase());
      case '{':
        return this.withRedirects(this.parseBraceGroup());
      case '[[':
        return this.withRedirects(this.parseTest());
      case 'function':
        return this.parseFunctionKeyword();
      default:
        if (word !== undefined && NOT_A_COMMAND.has(word)) this.fail(`unexpected "${word}"`);
        return this.parseSimpleCommand();
    }
  }

  withRedirects<T extends ShellCommandNode>(node: T): T {
    for (;;) {
      this.skipBlanks();
      if (!this.redirectAt()) break;
      node.redirects.push(this.parseRedirect());
    }
    node.range = [node.range[0], this.base + this.pos];
    return node;
  }

  expectReserved(word: string): void {
    this.skipLinebreaks();
    if (this.reservedAt() !== word) this.fail(`expected "${word}"`);
    this.pos += word.length;
  }

  parseIf(): ShellIf {
    const start = this.pos;
    this.enter();
    this.pos += 2;
    const clauses: ShellIf['clauses'] = [];
    const condition = this.parseList(new Set(['then']));
    this.expectReserved('then');
    const body = this.parseList(new Set(['elif', 'else', 'fi']));
    clauses.push({ condition, body });
    let elseBody: ShellList | undefined;
    for (;;) {
      this.skipLinebreaks();
      const word = this.reservedAt();
      if (word === 'elif') {
        this.pos += 4;
        const cond = this.parseList(new Set(['then']));
        this.expectReserved('then');
        clauses.push({ condition: cond, body: this.parseList(new Set(['elif', 'else', 'fi'])) });
      } else if (word === 'else') {
        this.pos += 4;
        elseBody = this.parseList(new Set(['fi']));
      } else break;
    }
    this.expectReserved('fi');
    this.depth--;
    return { type: 'If', clauses, elseBody, redirects: [], range: this.r(start, this.pos) };
  }

  parseFor(keyword: string): ShellFor {
    const start = this.pos;
    this.enter();
    this.pos += keyword.length;
    this.skipBlanks();
    let variable = '';
    let items: ShellWord[] | undefined;
    let arithmetic: string | undefined;
    if (this.text.startsWith('((', this.pos)) {
      const end = this.findArithmeticEnd(this.pos + 2);
      if (end === undefined) this.fail('unterminated "for ((" loop');
      arithmetic = this.text.slice(this.pos + 2, end);
      this.pos = end + 2;
      this.skipBlanks();
      if (this.code() === SEMI) this.pos++;
    } else {
      const name = this.readWord();
      variable = this.text.slice(name.range[0] - this.base, name.range[1] - this.base);
      this.skipLinebreaks();
      if (this.reservedAt() === 'in') {
        this.pos += 2;
        items = [];
        for (;;) {
          this.skipBlanks();
          const c = this.code();
          if (c === -1 || c === SEMI || c === LF || c === HASH) break;
          items.push(this.readWord());
        }
        if (this.code() === HASH) this.skipComment();
        if (this.code() === SEMI) this.pos++;
        else if (this.code() === LF) this.newline();
      } else if (this.code() === SEMI) {
        this.pos++;
      }
    }
    this.skipLinebreaks();
    let body: ShellList;
    if (this.reservedAt() === '{') {
      const group = this.parseBraceGroup();
      body = group.body;
    } else {
      this.expectReserved('do');
      body = this.parseList(new Set(['done']));
      this.expectReserved('done');
    }
    this.depth--;
    return { type: 'For', variable, items, arithmetic, body, redirects: [], range: this.r(start, this.pos) };
  }

  parseWhile(keyword: 'while' | 'until'): ShellWhile {
    const start = this.pos;
    this.enter();
    this.pos += keyword.length;
    const condition = this.parseList(new Set(['do']));
    this.expectReserved('do');
    const body = this.parseList(new Set(['done']));
    this.expectReserved('done');
    this.depth--;
    return { type: 'While', until: keyword === 'until', condition, body, redirects: [], range: this.r(start, this.pos) };
  }

  parseCase(): ShellCase {
    const start = this.pos;
    this.enter();
    this.pos += 4;
    this.skipBlanks();
    const subject = this.readWord();
    this.skipLinebreaks();
    if (this.reservedAt() !== 'in') this.fail('expected "in" after "case WORD"');
    this.pos += 2;
    const items: ShellCase['items'] = [];
    const esac = new Set(['esac']);
    for (;;) {
      this.skipLinebreaks();
      if (this.pos >= this.len) this.fail('unterminated "case": expected "esac"');
      if (this.reservedAt() === 'esac') {
        this.pos += 4;
        break;
      }
      if (this.code() === LPAREN) this.pos++;
      const patterns: ShellWord[] = [];
      for (;;) {
        this.skipBlanks();
        patterns.push(this.readWord());
        this.skipBlanks();
        if (this.code() === PIPE) {
          this.pos++;
          continue;
        }
        if (this.code() === RPAREN) {
          this.pos++;
          break;
        }
        this.fail('expected ")" after a case pattern');
      }
      const body = this.parseList(esac);
      items.push({ patterns, body });
      this.skipLinebreaks();
      if (this.text.startsWith(';;&', this.pos)) this.pos += 3;
      else if (this.text.startsWith(';;', this.pos) || this.text.startsWith(';&', this.pos)) this.pos += 2;
    }
    this.depth--;
    return { type: 'Case', subject, items, redirects: [], range: this.r(start, this.pos) };
  }

  parseBraceGroup(): ShellCommandNode & { type: 'BraceGroup' } {
    const start = this.pos;
    this.enter();
    this.pos++;
    const body = this.parseList(new Set(['}']));
    this.expectReserved('}');
    this.depth--;
    return { type: 'BraceGroup', body, redirects: [], range: this.r(start, this.pos) };
  }

  parseSubshell(): ShellCommandNode {
    const start = this.pos;
    this.enter();
    this.pos++;
    const body = this.parseList(EMPTY);
    this.skipLinebreaks();
    if (this.code() !== RPAREN) this.fail('unterminated subshell: expected ")"');
    this.pos++;
    this.depth--;
    return this.withRedirects({ type: 'Subshell', body, redirects: [], range: this.r(start, this.pos) });
  }

  /** The offset of the `))` that closes an arithmetic expression starting at `from`. */
  findArithmeticEnd(from: number): number | undefined {
    let depth = 0;
    for (let i = from; i < this.len; i++) {
      const c = this.text.charCodeAt(i);
      if (c === BACKSLASH) i++;
      else if (c === LPAREN) depth++;
      else if (c === RPAREN) {
        if (depth === 0) return this.code(i + 1) === RPAREN ? i : undefined;
        depth--;
      } else if (c === SQUOTE || c === DQUOTE) {
        const close = this.text.indexOf(String.fromCharCode(c), i + 1);
        if (close === -1) return undefined;
        i = close;
      }
    }
    return undefined;
  }

  tryArithmeticCommand(): ShellCommandNode | undefined {
    const start = this.pos;
    const end = this.findArithmeticEnd(start + 2);
    if (end === undefined) return undefined;
    this.pos = end + 2;
    return this.withRedirects({
      type: 'ArithmeticCommand',
      expression: this.text.slice(start + 2, end),
      redirects: [],
      range: this.r(start, this.pos),
    });
  }

  parseTest(): ShellCommandNode & { type: 'TestCommand' } {
    const start = this.pos;
    this.pos += 2;
    const words: ShellWord[] = [];
    for (;;) {
      this.skipBlanks();
      const c = this.code();
      if (c === -1) this.fail('unterminated "[[": expected "]]"');
      if (c === LF) {
        this.newline();
        continue;
      }
      if (this.text.startsWith(']]', this.pos) && this.delimits(this.pos + 2)) {
        this.pos += 2;
        break;
      }
      if (c === AMP || c === PIPE || c === LPAREN || c === RPAREN || c === LT || c === GT || c === SEMI) {
        this.pos++;
        continue;
      }
      words.push(this.readWord());
    }
    return { type: 'TestCommand', words, redirects: [], range: this.r(start, this.pos) };
  }

  parseFunctionKeyword(): ShellFunction {
    const start = this.pos;
    this.enter();
    this.pos += 8;
    this.skipBlanks();
    const nameWord = this.readWord();
    const name = this.text.slice(nameWord.range[0] - this.base, nameWord.range[1] - this.base);
    this.skipBlanks();
    if (this.code() === LPAREN) {
      this.pos++;
      this.skipBlanks();
      if (this.code() !== RPAREN) this.fail('expected ")" in a function definition');
      this.pos++;
    }
    this.skipLinebreaks();
    const body = this.parseCommand();
    this.depth--;
    return { type: 'Function', name, body, redirects: [], range: this.r(start, this.pos) };
  }

  parseSimpleCommand(): ShellCommandNode {
    const start = this.pos;
    const assignments: ShellAssignment[] = [];
    const words: ShellWord[] = [];
    const redirects: ShellRedirect[] = [];
    for (;;) {
      this.skipBlanks();
      const c = this.code();
      if (c === -1) break;
      if (c === HASH) {
        this.skipComment();
        break;
      }
      const redirect = this.redirectAt();
      if (redirect) {
        redirects.push(this.parseRedirect());
        continue;
      }
      if (c === LF || c === SEMI || c === PIPE || c === RPAREN) break;
      if (c === AMP) break;
      if (c === LPAREN) {
        if (!this.tolerant && words.length === 1 && assignments.length === 0 && redirects.length === 0) {
          return this.parseFunctionDefinition(start, words[0] as ShellWord);
        }
        if (this.tolerant) {
          this.pos++;
          continue;
        }
        this.fail('unexpected "("');
      }
      const word = this.readWord();
      if (words.length === 0) {
        const assignment = this.asAssignment(word);
        if (assignment) {
          assignments.push(assignment);
          continue;
        }
      }
      words.push(word);
    }
    if (words.length === 0 && assignments.length === 0 && redirects.length === 0) {
      if (this.tolerant) {
        if (this.pos < this.len) this.pos++;
      } else {
        const c = this.code();
        this.fail(c === -1 ? 'unexpected end of input: expected a command' : `unexpected "${String.fromCharCode(c)}"`);
      }
    }
    const node: ShellSimpleCommand = { type: 'SimpleCommand', assignments, words, redirects, range: this.r(start, this.pos) };
    return node;
  }

  parseFunctionDefinition(start: number, nameWord: ShellWord): ShellFunction {
    this.enter();
    this.pos++;
    this.skipBlanks();
    if (this.code() !== RPAREN) this.fail('expected ")" in a function definition');
    this.pos++;
    this.skipLinebreaks();
    const body = this.parseCommand();
    this.depth--;
    const name = this.text.slice(nameWord.range[0] - this.base, nameWord.range[1] - this.base);
    return { type: 'Function', name, body, redirects: [], range: this.r(start, this.pos) };
  }

  asAssignment(word: ShellWord): ShellAssignment | undefined {
    const first = word.parts[0];
    if (first?.type !== 'Literal' || first.range[0] !== word.range[0]) return undefined;
    const match = ASSIGNMENT.exec(first.value);
    if (!match) return undefined;
    const consumed = match[0].length;
    const rest: ShellWordPart[] = [];
    if (consumed < first.value.length) {
      rest.push({
        type: 'Literal',
        value: first.value.slice(consumed),
        range: [first.range[0] + consumed, first.range[1]],
      });
    }
    rest.push(...word.parts.slice(1));
    const valueStart = rest[0]?.range[0] ?? word.range[1];
    return {
      type: 'Assignment',
      name: match[1] as string,
      append: match[3] === '+',
      value: rest.length > 0 ? { type: 'Word', parts: rest, range: [valueStart, word.range[1]] } : undefined,
      range: word.range,
    };
  }

  parseRedirect(): ShellRedirect {
    const start = this.pos;
    const found = this.redirectAt();
    if (!found) this.fail('expected a redirection');
    this.pos += found.length;
    this.skipBlanks();
    const c = this.code();
    if (c === -1 || c === LF || c === SEMI || c === PIPE || c === AMP || c === RPAREN || c === LT || c === GT) {
      if (this.tolerant) {
        const empty: ShellWord = { type: 'Word', parts: [], range: this.r(this.pos, this.pos) };
        return {
          type: 'Redirect',
          fd: found.fd,
          op: found.op,
          target: empty,
          heredoc: undefined,
          range: this.r(start, this.pos),
        };
      }
      this.fail(`expected a word after "${found.op}"`);
    }
    const target = this.readWord();
    const redirect: ShellRedirect = {
      type: 'Redirect',
      fd: found.fd,
      op: found.op,
      target,
      heredoc: undefined,
      range: this.r(start, this.pos),
    };
    if (found.op === '<<' || found.op === '<<-') {
      const raw = this.text.slice(target.range[0] - this.base, target.range[1] - this.base);
      this.pending.push({
        redirect,
        delimiter: raw.replace(/\\(.)/g, '$1').replace(/["']/g, ''),
        stripTabs: found.op === '<<-',
        quoted: /["'\\]/.test(raw),
      });
    }
    return redirect;
  }

  // ---- words ----------------------------------------------------------------------------------

  readWord(): ShellWord {
    const text = this.text;
    const start = this.pos;
    const parts: ShellWordPart[] = [];
    let lit = '';
    let litStart = -1;
    while (this.pos < this.len) {
      const c = text.charCodeAt(this.pos);
      if (c < 128 && SPECIAL[c] === 1) {
        if (c === SPACE || c === TAB || c === LF) break;
        if (c === CR) {
          if (this.code(this.pos + 1) === LF || this.pos + 1 >= this.len) break;
          if (litStart === -1) litStart = this.pos;
          lit += '\r';
          this.pos++;
          continue;
        }
        if (c === BACKSLASH) {
          const n = this.code(this.pos + 1);
          if (n === LF) {
            this.pos += 2;
            continue;
          }
          if (litStart === -1) litStart = this.pos;
          if (n === -1) {
            lit += '\\';
            this.pos++;
          } else {
            lit += text[this.pos + 1];
            this.pos += 2;
          }
          continue;
        }
        if (c === SQUOTE) {
          if (litStart !== -1) {
            parts.push({ type: 'Literal', value: lit, range: this.r(litStart, this.pos) });
            lit = '';
            litStart = -1;
          }
          parts.push(this.readSingleQuoted());
          continue;
        }
        if (c === DQUOTE) {
          if (litStart !== -1) {
            parts.push({ type: 'Literal', value: lit, range: this.r(litStart, this.pos) });
            lit = '';
            litStart = -1;
          }
          parts.push(this.readDoubleQuoted());
          continue;
        }
        if (c === DOLLAR) {
          const part = this.readDollar(false);
          if (part.type === 'Literal') {
            if (litStart === -1) litStart = part.range[0] - this.base;
            lit += part.value;
          } else {
            if (litStart !== -1) {
              parts.push({ type: 'Literal', value: lit, range: this.r(litStart, part.range[0] - this.base) });
              lit = '';
              litStart = -1;
            }
            parts.push(part);
          }
          continue;
        }
        if (c === BACKTICK) {
          if (litStart !== -1) {
            parts.push({ type: 'Literal', value: lit, range: this.r(litStart, this.pos) });
            lit = '';
            litStart = -1;
          }
          parts.push(this.readBackquoted());
          continue;
        }
        if ((c === LT || c === GT) && this.code(this.pos + 1) === LPAREN) {
          if (litStart !== -1) {
            parts.push({ type: 'Literal', value: lit, range: this.r(litStart, this.pos) });
            lit = '';
            litStart = -1;
          }
          parts.push(this.readProcessSubstitution());
          continue;
        }
        if (c === LPAREN) {
          const prev = litStart !== -1 && lit.length > 0 ? lit.charCodeAt(lit.length - 1) : -1;
          const extglob = prev === AT || prev === BANG || prev === PLUS || prev === STAR || prev === QUESTION;
          const array = parts.length === 0 && litStart === start && /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=$/.test(lit);
          if (extglob || array) {
            const end = this.balancedParen(this.pos);
            lit += text.slice(this.pos, end);
            this.pos = end;
            continue;
          }
        }
        break;
      }
      // A run of plain characters.
      let end = this.pos + 1;
      while (end < this.len) {
        const d = text.charCodeAt(end);
        if (d < 128 && SPECIAL[d] === 1) break;
        end++;
      }
      if (litStart === -1) litStart = this.pos;
      lit += text.slice(this.pos, end);
      this.pos = end;
    }
    if (litStart !== -1) {
      if (parts.length === 0 && litStart === start) {
        // The commonest word, one literal: one range for both, and a list of exactly one part.
        const range = this.r(start, this.pos);
        return { type: 'Word', parts: [{ type: 'Literal', value: lit, range }], range };
      }
      parts.push({ type: 'Literal', value: lit, range: this.r(litStart, this.pos) });
      lit = '';
      litStart = -1;
    }
    if (this.pos === start) {
      const c = this.code();
      if (this.tolerant) {
        this.pos++;
        return { type: 'Word', parts: [], range: this.r(start, this.pos) };
      }
      this.fail(c === -1 ? 'unexpected end of input' : `unexpected "${String.fromCharCode(c)}"`);
    }
    return { type: 'Word', parts, range: this.r(start, this.pos) };
  }

  /** The end (exclusive) of a parenthesised group starting at `from` (which is `(`). */
  balancedParen(from: number): number {
    let depth = 0;
    for (let i = from; i < this.len; i++) {
      const c = this.text.charCodeAt(i);
      if (c === BACKSLASH) i++;
      else if (c === LPAREN) depth++;
      else if (c === RPAREN) {
        depth--;
        if (depth === 0) return i + 1;
      } else if (c === SQUOTE || c === DQUOTE) {
        const close = this.text.indexOf(String.fromCharCode(c), i + 1);
        if (close === -1) break;
        i = close;
      }
    }
    if (this.tolerant) return this.len;
    this.fail('unterminated "("', from);
  }

  readSingleQuoted(): ShellWordPart {
    const start = this.pos;
    const close = this.text.indexOf("'", start + 1);
    if (close === -1) {
      if (!this.tolerant) this.fail('unterminated single quote', start);
      this.pos = this.len;
      return { type: 'SingleQuoted', value: this.text.slice(start + 1), range: this.r(start, this.len) };
    }
    this.pos = close + 1;
    return { type: 'SingleQuoted', value: this.text.slice(start + 1, close), range: this.r(start, this.pos) };
  }

  readAnsiC(): ShellWordPart {
    const start = this.pos;
    let i = start + 2;
    let value = '';
    while (i < this.len) {
      const c = this.text.charCodeAt(i);
      if (c === SQUOTE) break;
      if (c === BACKSLASH && i + 1 < this.len) {
        const n = this.text[i + 1] as string;
        const simple: Record<string, string> = {
          n: '\n',
          t: '\t',
          r: '\r',
          a: '\u0007',
          b: '\b',
          e: '\u001b',
          E: '\u001b',
          f: '\f',
          v: '\v',
          '\\': '\\',
          "'": "'",
          '"': '"',
          '?': '?',
        };
        const mapped = simple[n];
        if (mapped !== undefined) {
          value += mapped;
          i += 2;
          continue;
        }
        const hex = /^x([0-9A-Fa-f]{1,2})/.exec(this.text.slice(i + 1, i + 4));
        if (hex) {
          value += String.fromCharCode(Number.parseInt(hex[1] as string, 16));
          i += 1 + hex[0].length;
          continue;
        }
        value += `\\${n}`;
        i += 2;
        continue;
      }
      value += this.text[i];
      i++;
    }
    if (i >= this.len) {
      if (!this.tolerant) this.fail("unterminated $'...' string", start);
      this.pos = this.len;
    } else this.pos = i + 1;
    return { type: 'SingleQuoted', value, range: this.r(start, this.pos) };
  }

  readDoubleQuoted(): ShellWordPart {
    const text = this.text;
    const start = this.pos;
    this.pos++;
    const parts: ShellWordPart[] = [];
    let lit = '';
    let litStart = -1;
    while (this.pos < this.len) {
      const c = text.charCodeAt(this.pos);
      if (c === DQUOTE) {
        if (litStart !== -1) {
          parts.push({ type: 'Literal', value: lit, range: this.r(litStart, this.pos) });
          lit = '';
          litStart = -1;
        }
        this.pos++;
        return { type: 'DoubleQuoted', parts, range: this.r(start, this.pos) };
      }
      if (c === BACKSLASH) {
        const n = this.code(this.pos + 1);
        if (litStart === -1) litStart = this.pos;
        if (n === LF) this.pos += 2;
        else if (n === DOLLAR || n === BACKTICK || n === DQUOTE || n === BACKSLASH) {
          lit += text[this.pos + 1];
          this.pos += 2;
        } else {
          lit += '\\';
          this.pos++;
        }
        continue;
      }
      if (c === DOLLAR) {
        const at = this.pos;
        const part = this.readDollar(true);
        if (part.type === 'Literal') {
          if (litStart === -1) litStart = at;
          lit += part.value;
        } else {
          const save = this.pos;
          this.pos = at;
          if (litStart !== -1) {
            parts.push({ type: 'Literal', value: lit, range: this.r(litStart, this.pos) });
            lit = '';
            litStart = -1;
          }
          this.pos = save;
          parts.push(part);
        }
        continue;
      }
      if (c === BACKTICK) {
        if (litStart !== -1) {
          parts.push({ type: 'Literal', value: lit, range: this.r(litStart, this.pos) });
          lit = '';
          litStart = -1;
        }
        parts.push(this.readBackquoted());
        continue;
      }
      let end = this.pos + 1;
      while (end < this.len) {
        const d = text.charCodeAt(end);
        if (d === DQUOTE || d === BACKSLASH || d === DOLLAR || d === BACKTICK) break;
        end++;
      }
      if (litStart === -1) litStart = this.pos;
      lit += text.slice(this.pos, end);
      this.pos = end;
    }
    if (!this.tolerant) this.fail('unterminated double quote', start);
    if (litStart !== -1) {
      parts.push({ type: 'Literal', value: lit, range: this.r(litStart, this.pos) });
      lit = '';
      litStart = -1;
    }
    return { type: 'DoubleQuoted', parts, range: this.r(start, this.pos) };
  }

  readDollar(quoted: boolean): ShellWordPart {
    const text = this.text;
    const start = this.pos;
    const n = this.code(start + 1);
    if (n === LPAREN) {
      if (this.code(start + 2) === LPAREN) {
        const end = this.findArithmeticEnd(start + 3);
        if (end !== undefined) {
          this.pos = end + 2;
          return { type: 'Arithmetic', expression: text.slice(start + 3, end), range: this.r(start, this.pos) };
        }
      }
      this.pos = start + 2;
      const body = this.parseNested(start + 2);
      return { type: 'CommandSubstitution', body, backquoted: false, range: this.r(start, this.pos) };
    }
    if (n === LBRACE) {
      const end = this.findBraceEnd(start + 2);
      this.pos = end;
      const inner = text.slice(start + 2, Math.max(start + 2, end - 1));
      const name = /^[#!]?([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])/.exec(inner);
      return {
        type: 'Parameter',
        name: name ? (name[1] as string) : '',
        text: text.slice(start, end),
        range: this.r(start, end),
      };
    }
    if (n === SQUOTE && !quoted) return this.readAnsiC();
    if (n === DQUOTE && !quoted) {
      this.pos = start + 1;
      return this.readDoubleQuoted();
    }
    if (isNameStart(n)) {
      let end = start + 2;
      while (end < this.len && isNameChar(text.charCodeAt(end))) end++;
      this.pos = end;
      return { type: 'Parameter', name: text.slice(start + 1, end), text: text.slice(start, end), range: this.r(start, end) };
    }
    if (n !== -1 && '0123456789@*#?$!-'.includes(text[start + 1] as string)) {
      this.pos = start + 2;
      return {
        type: 'Parameter',
        name: text[start + 1] as string,
        text: text.slice(start, start + 2),
        range: this.r(start, start + 2),
      };
    }
    this.pos = start + 1;
    return { type: 'Literal', value: '$', range: this.r(start, start + 1) };
  }

  /** The end (exclusive) of a `${...}` expansion whose content starts at `from`. */
  findBraceEnd(from: number): number {
    let depth = 1;
    for (let i = from; i < this.len; i++) {
      const c = this.text.charCodeAt(i);
      if (c === BACKSLASH) i++;
      else if (c === DOLLAR && this.code(i + 1) === LBRACE) {
        depth++;
        i++;
      } else if (c === RBRACE) {
        depth--;
        if (depth === 0) return i + 1;
      } else if (c === SQUOTE || c === DQUOTE) {
        const close = this.text.indexOf(String.fromCharCode(c), i + 1);
        if (close === -1) break;
        i = close;
      }
    }
    if (this.tolerant) return this.len;
    this.fail('unterminated "${"', from - 2);
  }

  /** Parses a `$(...)`, `<(...)` or `>(...)` body starting at `from`, up to and including `)`. */
  parseNested(from: number): ShellScript {
    this.enter();
    const list = this.parseList(EMPTY);
    this.skipLinebreaks();
    if (this.code() !== RPAREN) {
      if (!this.tolerant) this.fail('unterminated "$(": expected ")"', from - 2);
    } else this.pos++;
    this.depth--;
    const end = Math.max(from, this.code(this.pos - 1) === RPAREN ? this.pos - 1 : this.pos);
    return { type: 'Script', body: list, range: this.r(from, end) };
  }

  readProcessSubstitution(): ShellWordPart {
    const start = this.pos;
    const direction = this.code() === LT ? '<' : '>';
    this.pos += 2;
    const body = this.parseNested(start + 2);
    return { type: 'ProcessSubstitution', direction, body, range: this.r(start, this.pos) };
  }

  readBackquoted(): ShellWordPart {
    const start = this.pos;
    let i = start + 1;
    let inner = '';
    while (i < this.len) {
      const c = this.text.charCodeAt(i);
      if (c === BACKTICK) break;
      if (c === BACKSLASH && i + 1 < this.len) {
        const n = this.text[i + 1] as string;
        inner += n === '`' || n === '\\' || n === '$' ? n : `\\${n}`;
        i += 2;
        continue;
      }
      inner += this.text[i];
      i++;
    }
    if (i >= this.len) {
      if (!this.tolerant) this.fail('unterminated backquote', start);
      this.pos = this.len;
    } else this.pos = i + 1;
    this.enter();
    const sub = new Parser(inner, this.tolerant, this.base + start + 1, this.depth);
    const body = sub.parseScript();
    this.depth--;
    return { type: 'CommandSubstitution', body, backquoted: true, range: this.r(start, this.pos) };
  }
}

/** Parses a shell script. Never throws: syntax errors come back as values. */
export function parseShell(text: string): ShellParseResult {
  try {
    return { script: new Parser(text, false).parseScript(), error: undefined };
  } catch (error) {
    const offset = error instanceof ShellError ? error.offset : 0;
    const message =
      error instanceof ShellError
        ? error.message
        : error instanceof RangeError
          ? 'nesting too deep'
          : `cannot parse: ${error instanceof Error ? error.message : String(error)}`;
    return { script: tolerantParse(text), error: { offset, message } };
  }
}

/** A best-effort pass that treats reserved words and stray brackets as separators. */
function tolerantParse(text: string): ShellScript {
  try {
    return new Parser(text, true).parseScript();
  } catch {
    return { type: 'Script', body: { type: 'List', items: [], range: [0, text.length] }, range: [0, text.length] };
  }
}
