/**
 * Words of Dockerfile instruction arguments, as BuildKit reads them: leading `--flag[=value]`
 * words, whitespace-separated words that keep quoted strings together, JSON (exec form) arrays,
 * and the shell-like processing of a word (quote removal, the escape character, `$VAR`, `${VAR}`,
 * `${VAR:-default}`, `${VAR:+alt}` ...) applied to FROM, COPY, ENV, USER, WORKDIR and the like.
 * Offsets are into the instruction's logical line.
 */

export interface RawWord {
  /** The word as written (quotes and escapes kept). */
  raw: string;
  start: number;
  end: number;
}

export interface RawFlag {
  /** The flag name without dashes: `mount`, `from`, `chown`. */
  name: string;
  /** The value after quote processing (`undefined` for `--link`). */
  value: string | undefined;
  start: number;
  end: number;
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\v' || c === '\f';
}

/**
 * BuildKit's `extractBuilderFlags`: the `--name[=value]` words at the start of the arguments.
 * Returns the flags and the offset where the remaining arguments start.
 */
export function extractFlags(line: string, from: number): { flags: RawFlag[]; rest: number } {
  const flags: RawFlag[] = [];
  let pos = from;
  for (;;) {
    while (pos < line.length && isSpace(line[pos])) pos++;
    if (pos >= line.length || line[pos] !== '-' || line[pos + 1] !== '-') return { flags, rest: pos };
    const start = pos;
    let word = '';
    let quote = '';
    for (; pos < line.length; pos++) {
      const c = line[pos] as string;
      if (quote !== '') {
        if (c === quote) quote = '';
        else if (c === '\\' && pos + 1 < line.length) word += line[++pos];
        else word += c;
        continue;
      }
      if (isSpace(c)) break;
      if (c === '"' || c === "'") quote = c;
      else if (c === '\\' && pos + 1 < line.length) word += line[++pos];
      else word += c;
    }
    if (word === '--') {
      while (pos < line.length && isSpace(line[pos])) pos++;
      return { flags, rest: pos };
    }
    const body = word.slice(2);
    const eq = body.indexOf('=');
    flags.push({
      name: eq === -1 ? body : body.slice(0, eq),
      value: eq === -1 ? undefined : body.slice(eq + 1),
      start,
      end: pos,
    });
  }
}

/** Whitespace-separated words; quoted strings (and escaped characters) stay inside one word. */
export function splitWords(line: string, from: number, to = line.length, escapeChar = '\\'): RawWord[] {
  const words: RawWord[] = [];
  let pos = from;
  while (pos < to) {
    while (pos < to && isSpace(line[pos])) pos++;
    if (pos >= to) break;
    const start = pos;
    let quote = '';
    for (; pos < to; pos++) {
      const c = line[pos];
      if (quote !== '') {
        if (c === quote) quote = '';
        else if (c === escapeChar && quote === '"') pos++;
        continue;
      }
      if (isSpace(c)) break;
      if (c === '"' || c === "'") quote = c;
      else if (c === escapeChar) pos++;
    }
    const end = Math.min(pos, to);
    words.push({ raw: line.slice(start, end), start, end });
  }
  return words;
}

export interface JsonString {
  value: string;
  start: number;
  end: number;
}

/** The strings of a JSON array (exec form) with their offsets, or undefined when it is not one. */
export function jsonStrings(line: string, from: number): JsonString[] | undefined {
  let pos = from;
  while (pos < line.length && isSpace(line[pos])) pos++;
  if (line[pos] !== '[') return undefined;
  const trimmed = line.slice(pos).trimEnd();
  if (!trimmed.endsWith(']')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || !parsed.every((v) => typeof v === 'string')) return undefined;
  const out: JsonString[] = [];
  let i = pos + 1;
  for (const value of parsed as string[]) {
    const open = line.indexOf('"', i);
    if (open === -1) return undefined;
    let close = open + 1;
    while (close < line.length && line[close] !== '"') close += line[close] === '\\' ? 2 : 1;
    out.push({ value, start: open, end: close + 1 });
    i = close + 1;
  }
  return out;
}

/** Looks a variable up: a string, `undefined` when declared without a known value, or `null` when not declared. */
export type VariableLookup = (name: string) => string | undefined | null;

export interface ProcessedWord {
  value: string;
  /** Variables whose value is unknown at scan time (build args without a default, undeclared names). */
  unresolved: string[];
}

/**
 * Quote removal and variable expansion of one word, as BuildKit's shell lexer does it. Unknown
 * variables expand to the empty string, as in Docker, and are listed in `unresolved`.
 */
export function processWord(word: string, lookup: VariableLookup | undefined, escapeChar = '\\'): ProcessedWord {
  if (!/["'$]/.test(word) && !word.includes(escapeChar)) return { value: word, unresolved: [] };
  const unresolved: string[] = [];
  let pos = 0;
  const len = word.length;

  const variable = (name: string): string | undefined => {
    const value = lookup?.(name);
    if (value === null || value === undefined) {
      unresolved.push(name);
      return undefined;
    }
    return value;
  };

  const readName = (): string => {
    const start = pos;
    if (/[0-9]/.test(word[pos] ?? '')) {
      while (pos < len && /[0-9]/.test(word[pos] as string)) pos++;
    } else {
      while (pos < len && /[A-Za-z0-9_]/.test(word[pos] as string)) pos++;
    }
    return word.slice(start, pos);
  };

  const dollar = (): string => {
    if (!lookup) {
      pos++;
      return '$';
    }
    pos++; // $
    if (word[pos] === '{') {
      pos++;
      const name = readName();
      if (name === '') {
        // Not a valid expansion: keep the text.
        const close = word.indexOf('}', pos);
        const end = close === -1 ? len : close + 1;
        const text = `\${${word.slice(pos, end)}`;
        pos = end;
        return text;
      }
      const value = variable(name);
      if (word[pos] === '}') {
        pos++;
        return value ?? '';
      }
      let op = '';
      if (word[pos] === ':' && '-+?'.includes(word[pos + 1] ?? '')) {
        op = word.slice(pos, pos + 2);
        pos += 2;
      } else if ('-+?#%/'.includes(word[pos] ?? '')) {
        op = word[pos] as string;
        pos++;
        if ((op === '#' || op === '%' || op === '/') && word[pos] === op) {
          op += op;
          pos++;
        }
      }
      const argument = until('}');
      if (word[pos] === '}') pos++;
      const set = lookup(name);
      const isSet = set !== null && set !== undefined;
      switch (op) {
        case ':-':
          if (isSet && set !== '') return set;
          unresolved.splice(unresolved.lastIndexOf(name), 1);
          return argument;
        case '-':
          if (isSet) return set;
          unresolved.splice(unresolved.lastIndexOf(name), 1);
          return argument;
        case ':+':
          unresolved.splice(unresolved.lastIndexOf(name), 1);
          return isSet && set !== '' ? argument : '';
        case '+':
          unresolved.splice(unresolved.lastIndexOf(name), 1);
          return isSet ? argument : '';
        default:
          return value ?? '';
      }
    }
    if (pos < len && /[A-Za-z0-9_]/.test(word[pos] as string)) return variable(readName()) ?? '';
    return '$';
  };

  /** Reads (and processes) text up to an unquoted `stop` character. */
  const until = (stop: string): string => {
    let out = '';
    while (pos < len) {
      const c = word[pos] as string;
      if (c === stop) break;
      if (c === "'") {
        const close = word.indexOf("'", pos + 1);
        const end = close === -1 ? len : close;
        out += word.slice(pos + 1, end);
        pos = end + 1;
      } else if (c === '"') {
        pos++;
        while (pos < len && word[pos] !== '"') {
          const d = word[pos] as string;
          if (d === '$') out += dollar();
          else if (d === escapeChar && pos + 1 < len && ['"', '$', escapeChar].includes(word[pos + 1] as string)) {
            out += word[pos + 1];
            pos += 2;
          } else {
            // A run of plain characters at once: a string grown a character at a time is a deep chain.
            let end = pos + 1;
            while (end < len && word[end] !== '"' && word[end] !== '$' && word[end] !== escapeChar) end++;
            out += word.slice(pos, end);
            pos = end;
          }
        }
        pos++;
      } else if (c === '$') {
        out += dollar();
      } else if (c === escapeChar) {
        if (pos + 1 < len) out += word[pos + 1];
        pos += 2;
      } else {
        let end = pos + 1;
        while (end < len) {
          const d = word[end];
          if (d === stop || d === "'" || d === '"' || d === '$' || d === escapeChar) break;
          end++;
        }
        out += word.slice(pos, end);
        pos = end;
      }
    }
    return out;
  };

  const value = until('\u0000');
  return { value, unresolved };
}

/** Quote removal only (variables are kept as written): `"a b"` -> `a b`. */
export function unquote(word: string, escapeChar = '\\'): string {
  return processWord(word, undefined, escapeChar).value;
}
