/**
 * Kubelet flags outside YAML: systemd units and drop-ins (`kubelet.service`,
 * `kubelet.service.d/10-kubeadm.conf`) and the environment files they read
 * (`/var/lib/kubelet/kubeadm-flags.env`, `/etc/default/kubelet`, `/etc/sysconfig/kubelet`).
 *
 * Only kubelet files are claimed: other systemd units (dockerd, containerd) belong to other
 * handlers. Every word keeps its character range in the file, so findings point at the flag.
 */
import type { OffsetRange, SourceText } from '../core/source.js';
import type { Arg } from '../model/control-plane/flags.js';
import type { HandlerResult, SourceHandler } from './handler.js';
import type { Path } from './yaml.js';

/** One `NAME=value` assignment, with its value split into words as systemd's `$NAME` does. */
export interface EnvAssignment {
  name: string;
  value: string;
  /** The value's whitespace-separated words, each with its range. */
  words: Arg[];
  /** The whole value as one word (what `${NAME}` expands to). */
  whole: Arg;
}

export interface EnvironmentFileRef {
  path: string;
  /** `EnvironmentFile=-/path`: a missing file is not an error. */
  optional: boolean;
}

export type KubeletFlagsFormat = 'systemd' | 'env';

export class KubeletFlagsDocument {
  readonly type = 'kubelet-flags' as const;
  readonly source: SourceText;
  readonly format: KubeletFlagsFormat;
  readonly environment: EnvAssignment[] = [];
  readonly environmentFiles: EnvironmentFileRef[] = [];
  /** The words of the last `ExecStart=` of the file (after any reset), program first. */
  execStart: Arg[] | undefined;
  /** Whether the file resets ExecStart with an empty `ExecStart=` (as drop-ins do). */
  execStartReset = false;
  /** Range of the whole text, for findings about the file as a whole. */
  readonly range: OffsetRange;

  constructor(source: SourceText, format: KubeletFlagsFormat) {
    this.source = source;
    this.format = format;
    this.range = [0, Math.min(source.text.length, Math.max(0, source.text.indexOf('\n')))];
  }

  locate(path: Path): OffsetRange | undefined {
    return path.length === 0 ? this.range : undefined;
  }

  /** Whether the ExecStart runs the kubelet. */
  get runsKubelet(): boolean {
    const program = this.execStart?.[0]?.text ?? '';
    return /(^|\/)kubelet$/.test(program);
  }

  /** Assignments that hold kubelet flags (values with words starting with `-`). */
  get flagAssignments(): EnvAssignment[] {
    return this.environment.filter((a) => a.words.some((w) => w.text.startsWith('-')));
  }
}

export function isKubeletFlagsPath(name: string, path: string): boolean {
  const p = path.replace(/\\/g, '/');
  return (
    /(^|\/)kubelet\.service\.d\/[^/]+\.conf$/.test(p) ||
    name === 'kubelet.service' ||
    name === 'kubeadm-flags.env' ||
    name === '10-kubeadm.conf' ||
    /(^|\/)(default|sysconfig)\/kubelet$/.test(p)
  );
}

const KUBELET_CONTENT = /^\s*ExecStart=\S*kubelet\b|^\s*(?:export\s+)?KUBELET_[A-Z0-9_]*\s*=|Environment=["']?KUBELET_/m;

export const kubeletFlagsHandler: SourceHandler = {
  name: 'kubelet-flags',
  claims: (name, path) => isKubeletFlagsPath(name, path),
  sniffs: (name) => /\.(conf|service|env)$/.test(name),
  sniff: (head) => KUBELET_CONTENT.test(head),
  parse(source): HandlerResult {
    const document = parseKubeletFlags(source);
    if (!document.runsKubelet && document.flagAssignments.length === 0 && document.environmentFiles.length === 0) {
      return { documents: [], errors: [], skipReason: 'no kubelet command line or kubelet flags in this file' };
    }
    return { documents: [document], errors: [] };
  },
};

/** A logical line: its text and the source offset of every character. */
interface Logical {
  text: string;
  offsets: number[];
  end: number;
}

function logicalLines(text: string): Logical[] {
  const out: Logical[] = [];
  let chars = '';
  let offsets: number[] = [];
  let i = 0;
  while (i <= text.length) {
    const nl = text.indexOf('\n', i);
    const end = nl === -1 ? text.length : nl;
    let lineEnd = end;
    if (lineEnd > i && text[lineEnd - 1] === '\r') lineEnd--;
    const line = text.slice(i, lineEnd);
    const continued = line.endsWith('\\') && !/^\s*[#;]/.test(chars === '' ? line : '');
    const body = continued ? line.slice(0, -1) : line;
    for (let k = 0; k < body.length; k++) {
      chars += body[k];
      offsets.push(i + k);
    }
    if (continued) {
      chars += ' ';
      offsets.push(i + body.length);
    } else {
      out.push({ text: chars, offsets, end: lineEnd });
      chars = '';
      offsets = [];
    }
    if (nl === -1) break;
    i = nl + 1;
  }
  if (chars !== '') out.push({ text: chars, offsets, end: text.length });
  return out;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/**
 * Splits like systemd's extract_first_word with quote removal: words are separated by
 * whitespace; double or single quotes group; a backslash escapes the next character.
 */
function splitWords(line: Logical, from: number, to: number): Word[] {
  const words: Word[] = [];
  let i = from;
  const offsetAt = (k: number) => line.offsets[k] ?? line.end;
  while (i < to) {
    while (i < to && /\s/.test(line.text[i] ?? '')) i++;
    if (i >= to) break;
    let text = '';
    const start = offsetAt(i);
    let end = start;
    let quote: string | undefined;
    while (i < to) {
      const c = line.text[i] as string;
      if (quote) {
        if (c === quote) {
          quote = undefined;
          end = offsetAt(i) + 1;
          i++;
          continue;
        }
        if (c === '\\' && quote === '"' && i + 1 < to) {
          text += line.text[i + 1];
          end = offsetAt(i + 1) + 1;
          i += 2;
          continue;
        }
        text += c;
        end = offsetAt(i) + 1;
        i++;
        continue;
      }
      if (/\s/.test(c)) break;
      if (c === '"' || c === "'") {
        quote = c;
        end = offsetAt(i) + 1;
        i++;
        continue;
      }
      if (c === '\\' && i + 1 < to) {
        text += line.text[i + 1];
        end = offsetAt(i + 1) + 1;
        i += 2;
        continue;
      }
      text += c;
      end = offsetAt(i) + 1;
      i++;
    }
    words.push({ text, start, end });
  }
  return words;
}

/**
 * The words of an assignment's value with their ranges: the value's characters map back to the
 * source one to one (quotes removed), so each word's range covers exactly the word.
 */
function valueWords(document: KubeletFlagsDocument, value: string, offsets: number[]): Arg[] {
  const out: Arg[] = [];
  const re = /\S+/g;
  for (let match = re.exec(value); match; match = re.exec(value)) {
    const start = offsets[match.index] ?? 0;
    const last = offsets[match.index + match[0].length - 1] ?? start;
    out.push({ text: match[0], at: { on: document, range: [start, last + 1], source: document.source } });
  }
  return out;
}

function assignment(document: KubeletFlagsDocument, name: string, value: string, offsets: number[]): EnvAssignment {
  const start = offsets[0] ?? 0;
  const end = (offsets[offsets.length - 1] ?? start) + (value.length > 0 ? 1 : 0);
  return {
    name,
    value,
    words: valueWords(document, value, offsets),
    whole: { text: value, at: { on: document, range: [start, end], source: document.source } },
  };
}

/** Characters of a word's unquoted text with the source offset of each (for the value part). */
function unquotedWithOffsets(line: Logical, word: Word): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  let quote: string | undefined;
  for (let k = 0; k < line.text.length; k++) {
    const offset = line.offsets[k] ?? line.end;
    if (offset < word.start || offset >= word.end) continue;
    const c = line.text[k] as string;
    if (quote) {
      if (c === quote) {
        quote = undefined;
        continue;
      }
      if (c === '\\' && quote === '"' && k + 1 < line.text.length) {
        k++;
        text += line.text[k];
        offsets.push(line.offsets[k] ?? offset);
        continue;
      }
    } else if (c === '"' || c === "'") {
      quote = c;
      continue;
    } else if (c === '\\' && k + 1 < line.text.length) {
      k++;
      text += line.text[k];
      offsets.push(line.offsets[k] ?? offset);
      continue;
    }
    text += c;
    offsets.push(offset);
  }
  return { text, offsets };
}

export function parseKubeletFlags(source: SourceText): KubeletFlagsDocument {
  const systemd = /^\s*\[[A-Za-z]+\]\s*$/m.test(source.text) || /^\s*(ExecStart|Environment|EnvironmentFile)=/m.test(source.text);
  const document = new KubeletFlagsDocument(source, systemd ? 'systemd' : 'env');
  const lines = logicalLines(source.text);
  let section = systemd ? '' : 'env';
  for (const line of lines) {
    const trimmed = line.text.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    if (systemd) {
      const header = /^\s*\[([^\]]+)\]\s*$/.exec(line.text);
      if (header) {
        section = header[1] ?? '';
        continue;
      }
      if (section !== 'Service') continue;
      const eq = line.text.indexOf('=');
      if (eq === -1) continue;
      const key = line.text.slice(0, eq).trim();
      const valueStart = eq + 1;
      if (key === 'Environment') {
        for (const word of splitWords(line, valueStart, line.text.length)) {
          const { text, offsets } = unquotedWithOffsets(line, word);
          const e = text.indexOf('=');
          if (e <= 0) continue;
          document.environment.push(assignment(document, text.slice(0, e), text.slice(e + 1), offsets.slice(e + 1)));
        }
      } else if (key === 'EnvironmentFile') {
        const raw = line.text.slice(valueStart).trim();
        if (raw === '') continue;
        const optional = raw.startsWith('-');
        document.environmentFiles.push({ path: optional ? raw.slice(1) : raw, optional });
      } else if (key === 'ExecStart') {
        const words = splitWords(line, valueStart, line.text.length);
        if (words.length === 0) {
          document.execStart = undefined;
          document.execStartReset = true;
          continue;
        }
        const first = words[0] as Word;
        first.text = first.text.replace(/^[-@+!:]+/, '');
        document.execStart = words.map((w) => ({
          text: w.text,
          at: { on: document, range: [w.start, w.end], source: document.source },
        }));
      }
      continue;
    }
    // Environment file: NAME=value, optionally `export NAME=value`, value optionally quoted.
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line.text);
    if (!match) continue;
    const name = match[1] as string;
    let k = match[0].length;
    let value = '';
    const offsets: number[] = [];
    const first = line.text[k];
    if (first === '"' || first === "'") {
      const quote = first;
      k++;
      while (k < line.text.length && line.text[k] !== quote) {
        if (line.text[k] === '\\' && quote === '"' && k + 1 < line.text.length) k++;
        value += line.text[k];
        offsets.push(line.offsets[k] ?? line.end);
        k++;
      }
    } else {
      while (k < line.text.length && !(line.text[k] === '#' && /\s/.test(line.text[k - 1] ?? ''))) {
        value += line.text[k];
        offsets.push(line.offsets[k] ?? line.end);
        k++;
      }
      const trimmedEnd = value.replace(/\s+$/, '');
      offsets.length = trimmedEnd.length;
      value = trimmedEnd;
    }
    document.environment.push(assignment(document, name, value, offsets));
  }
  return document;
}
