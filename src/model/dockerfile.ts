/**
 * A Dockerfile as the builder sees it: instructions with their flags, words and exec-form
 * arguments; build stages (`FROM ... AS name`) with their base (an image, an earlier stage or
 * scratch) after `ARG` substitution; variable scoping (global ARGs for FROM, stage ARG/ENV for the
 * rest); the SHELL in effect for each RUN (PowerShell and cmd on Windows images are not parsed as
 * sh); and each RUN's script parsed into the commands it runs. Every part keeps its source range.
 */
import type { OffsetRange, SourceText } from '../core/source.js';
import type { Locatable } from '../rules/types.js';
import { parseDockerfile, type RawHeredoc, type RawInstruction } from '../sources/dockerfile/parser.js';
import {
  extractFlags,
  jsonStrings,
  processWord,
  type RawWord,
  splitWords,
  unquote,
  type VariableLookup,
} from '../sources/dockerfile/words.js';
import { MappedText, MappedTextBuilder } from '../sources/mapped-text.js';
import type { ShellRange, ShellSyntaxError } from '../sources/shell/ast.js';
import type { Path } from '../sources/yaml.js';
import type { DockerignorePattern } from './dockerignore.js';
import { type ImageRef, parseImageRef } from './image.js';
import { analyseShell, baseName, type ShellCommand } from './shell.js';

declare module '../rules/types.js' {
  interface TargetSubjects {
    /** Every Dockerfile. */
    dockerfile: DockerfileDocument;
  }
}

export const INSTRUCTIONS = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

const KEYWORDS = new Map([...INSTRUCTIONS].map((k) => [k, k]));

/** The upper-case keyword, one string for each known instruction whatever its spelling. */
function keywordOf(written: string): string {
  const upper = written.toUpperCase();
  return KEYWORDS.get(upper) ?? upper;
}

/** Build arguments the builder defines for every build (values depend on the build). */
const AUTOMATIC_ARGS = [
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
];

export interface Flag {
  name: string;
  value: string | undefined;
  range: OffsetRange;
}

export interface Word {
  /** As written, quotes included. */
  raw: string;
  /** After quote removal (variables kept as written). */
  value: string;
  /** After variable expansion; undefined when it uses a variable whose value is unknown. */
  expanded: string | undefined;
  range: OffsetRange;
}

export interface KeyValue {
  key: string;
  keyRange: OffsetRange;
  /** The value as written (quotes included); undefined for `ARG NAME` without a default. */
  raw: string | undefined;
  /** The value after quote removal and expansion, as the builder computes it. */
  value: string | undefined;
  /** Variables the value uses whose value is unknown at scan time. */
  unresolved: readonly string[];
  /** Variables the raw value refers to. */
  references: readonly string[];
  valueRange: OffsetRange | undefined;
  range: OffsetRange;
}

export interface Mount {
  type: string;
  options: Record<string, string>;
  range: OffsetRange;
}

export type ShellKind = 'posix' | 'powershell' | 'cmd' | 'other';

const NOT_SHELL = Object.freeze({ commands: Object.freeze([]) as readonly ShellCommand[], error: undefined });

export class RunScript {
  readonly form: 'shell' | 'exec';
  /** The SHELL that runs a shell-form RUN. */
  readonly shell: readonly string[];
  readonly kind: ShellKind;
  /** Makes the script text (kept only while the command model is: see `release`). */
  readonly #make: () => MappedText;
  #script: MappedText | undefined;
  #analysis: { commands: readonly ShellCommand[]; error: ShellSyntaxError | undefined } | undefined;
  readonly mounts: readonly Mount[];
  /** For `RUN <<EOF` with a `#!` line: the interpreter it names. */
  readonly interpreter: string | undefined;

  constructor(options: {
    form: 'shell' | 'exec';
    shell: readonly string[];
    kind: ShellKind;
    /** The script, or how to make it when it is asked for (a Dockerfile keeps its instructions' texts anyway). */
    script: MappedText | (() => MappedText);
    mounts: readonly Mount[];
    interpreter?: string | undefined;
  }) {
    this.form = options.form;
    this.shell = options.shell;
    this.kind = options.kind;
    const script = options.script;
    if (script instanceof MappedText) {
      this.#script = script;
      this.#make = () => script;
    } else this.#make = script;
    this.mounts = options.mounts;
    this.interpreter = options.interpreter;
  }

  /** The script text the shell receives (or the exec-form command line), mapped to the source. */
  get script(): MappedText {
    if (this.#script === undefined) this.#script = this.#make();
    return this.#script;
  }

  /**
   * The script parsed and walked, when first asked for. Only the command view is kept (the syntax
   * tree is garbage as soon as it has been walked), and only until `release`.
   */
  #analyse(): { commands: readonly ShellCommand[]; error: ShellSyntaxError | undefined } {
    if (this.#analysis === undefined) {
      if (this.kind === 'posix') {
        const analysis = analyseShell(this.script.text);
        this.#analysis = { commands: analysis.commands, error: analysis.error };
      } else this.#analysis = NOT_SHELL;
    }
    return this.#analysis;
  }

  /** The commands the RUN executes (empty when its shell is not a POSIX shell). */
  get commands(): readonly ShellCommand[] {
    return this.#analyse().commands;
  }

  /** Set when the script is not valid shell (the commands then come from a tolerant pass). */
  get syntaxError(): ShellSyntaxError | undefined {
    return this.#analyse().error;
  }

  /** Drops the command model and the script text made for it (both are made again if asked for). */
  release(): void {
    this.#analysis = undefined;
    this.#script = undefined;
  }

  sourceRange(range: ShellRange): OffsetRange {
    return this.script.sourceRange(range);
  }

  /** Mounts of a type (`secret`, `cache`, `ssh`, `bind`, `tmpfs`). */
  mountsOf(type: string): Mount[] {
    return this.mounts.filter((m) => m.type === type);
  }
}

const NO_FLAGS: readonly Flag[] = Object.freeze([]);
const NO_PAIRS: readonly KeyValue[] = Object.freeze([]);
const NO_MOUNTS: readonly Mount[] = Object.freeze([]);
const NO_NAMES: readonly string[] = Object.freeze([]);

export class Instruction {
  /** Upper-case keyword. */
  readonly keyword: string;
  readonly index: number;
  readonly raw: RawInstruction;
  readonly flags: readonly Flag[];
  /** Offset in the logical line where the arguments after the flags start. */
  readonly argsStart: number;
  #words: Word[] | undefined;
  readonly #escape: '\\' | '`';
  /** The exec-form (JSON) strings, when the instruction is written that way. */
  json: Word[] | undefined;
  stage: Stage | undefined;
  /** ENV, LABEL and ARG pairs. */
  pairs: readonly KeyValue[] = NO_PAIRS;
  run: RunScript | undefined;
  /** The stage's working directory when this instruction runs (absolute, `/` when unknown). */
  workdir = '/';

  constructor(raw: RawInstruction, index: number, escapeChar: '\\' | '`' = '\\') {
    this.raw = raw;
    this.index = index;
    this.keyword = keywordOf(raw.keyword);
    const line = raw.line.text;
    const extracted = extractFlags(line, raw.argsStart);
    this.flags =
      extracted.flags.length === 0
        ? NO_FLAGS
        : extracted.flags.map((f) => ({ name: f.name, value: f.value, range: this.rangeOf(f.start, f.end) }));
    this.argsStart = extracted.rest;
    const strings = jsonStrings(line, this.argsStart);
    this.json = strings?.map((s) => ({
      raw: line.slice(s.start, s.end),
      value: s.value,
      expanded: s.value,
      range: this.rangeOf(s.start, s.end),
    }));
    this.#escape = escapeChar;
  }

  /** The whitespace-separated words after the flags (computed when first asked for). */
  get words(): Word[] {
    if (this.#words === undefined) {
      const line = this.raw.line.text;
      this.#words = splitWords(line, this.argsStart, line.length, this.#escape).map((w) => this.word(w, undefined, this.#escape));
    }
    return this.#words;
  }

  /** Expands variables in the words (for instructions the builder expands: COPY, ADD, EXPOSE, ...). */
  expandWords(lookup: VariableLookup, escapeChar: '\\' | '`'): void {
    const line = this.raw.line.text;
    const raw = splitWords(line, this.argsStart, line.length, escapeChar);
    this.#words = raw.map((w) => this.word(w, lookup, escapeChar));
    this.json = this.json?.map((w) => {
      const processed = processWord(w.value.replace(/(["'\\`])/g, '\\$1'), lookup, '\\');
      return { ...w, expanded: processed.unresolved.length > 0 ? undefined : processed.value };
    });
  }

  get range(): OffsetRange {
    return this.raw.range;
  }

  get keywordRange(): OffsetRange {
    return this.raw.keywordRange;
  }

  /** The arguments after the flags, as one logical line. */
  get argsText(): string {
    return this.raw.line.text.slice(this.argsStart).trimEnd();
  }

  get argsRange(): OffsetRange {
    const text = this.raw.line.text;
    return this.rangeOf(this.argsStart, text.trimEnd().length);
  }

  get heredocs(): readonly RawHeredoc[] {
    return this.raw.heredocs;
  }

  /** The source range of a range of the logical line. */
  rangeOf(start: number, end: number): OffsetRange {
    return this.raw.line.sourceRange([start, end]);
  }

  flag(name: string): Flag | undefined {
    return this.flags.find((f) => f.name === name);
  }

  word(raw: RawWord, lookup: VariableLookup | undefined, escapeChar = '\\'): Word {
    const value = unquote(raw.raw, escapeChar);
    let expanded: string | undefined = value;
    if (lookup) {
      const processed = processWord(raw.raw, lookup, escapeChar);
      expanded = processed.unresolved.length > 0 ? undefined : processed.value;
    }
    return { raw: raw.raw, value, expanded, range: this.rangeOf(raw.start, raw.end) };
  }
}

export type StageBase =
  | { kind: 'scratch' }
  | { kind: 'stage'; stage: Stage }
  | { kind: 'image'; ref: ImageRef }
  /** The image depends on a build argument without a default (`FROM $BASE`). */
  | { kind: 'unresolved'; text: string; variables: string[] }
  | { kind: 'invalid'; text: string };

export class Stage {
  readonly index: number;
  readonly from: Instruction;
  /** The stage name after `AS`, lower-cased as the builder does. */
  readonly name: string | undefined;
  readonly nameRange: OffsetRange | undefined;
  /** The image word of FROM. */
  readonly image: Word | undefined;
  readonly base: StageBase;
  readonly platform: string | undefined;
  readonly instructions: Instruction[] = [];
  readonly os: 'linux' | 'windows';
  /** ENV in effect at the end of the stage (inherited from a base stage). */
  readonly env = new Map<string, string | undefined>();
  /** ARGs declared in the stage, with their default (or the global default). */
  readonly args = new Map<string, string | undefined>();
  /** The last USER of the stage, or of its base stage chain. */
  user: { value: string; expanded: string | undefined; instruction: Instruction } | undefined;
  shell: readonly string[];
  workdir: string;
  isFinal = false;

  constructor(options: {
    index: number;
    from: Instruction;
    name: string | undefined;
    nameRange: OffsetRange | undefined;
    image: Word | undefined;
    base: StageBase;
    platform: string | undefined;
  }) {
    this.index = options.index;
    this.from = options.from;
    this.name = options.name;
    this.nameRange = options.nameRange;
    this.image = options.image;
    this.base = options.base;
    this.platform = options.platform;
    const parent = this.parent;
    this.os =
      parent?.os ??
      (isWindowsImage(options.image?.expanded ?? options.image?.value ?? '', options.platform) ? 'windows' : 'linux');
    if (parent) {
      for (const [k, v] of parent.env) this.env.set(k, v);
      this.user = parent.user;
      this.shell = parent.shell;
      this.workdir = parent.workdir;
    } else {
      this.shell = this.os === 'windows' ? ['cmd', '/S', '/C'] : ['/bin/sh', '-c'];
      this.workdir = '/';
    }
  }

  /** The stage this one is built on (`FROM builder`). */
  get parent(): Stage | undefined {
    return this.base.kind === 'stage' ? this.base.stage : undefined;
  }

  /** This stage and the stages it is built on, nearest first. */
  get lineage(): Stage[] {
    const out: Stage[] = [];
    for (let stage: Stage | undefined = this; stage && !out.includes(stage); stage = stage.parent) out.push(stage);
    return out;
  }

  /** A human name for messages: `"builder"` or `#2`. */
  get label(): string {
    return this.name !== undefined ? `"${this.name}"` : `#${this.index + 1}`;
  }

  /** Instructions of a keyword in this stage. */
  all(keyword: string): Instruction[] {
    return this.instructions.filter((i) => i.keyword === keyword);
  }

  lookup(): VariableLookup {
    return (name) => {
      if (this.env.has(name)) return this.env.get(name);
      if (this.args.has(name)) return this.args.get(name);
      return null;
    };
  }
}

export interface BuildContext {
  /** Absolute path of the directory the Dockerfile is in (assumed to be the build context). */
  directory: string;
  /** The ignore file that applies (`<Dockerfile>.dockerignore` or `.dockerignore`), if one exists. */
  ignoreFile: { name: string; patterns: DockerignorePattern[] } | undefined;
  /** Files in the context that hold credentials and are not excluded (found by a bounded walk). */
  sensitiveFiles: { path: string; kind: string }[];
  /** Whether a `.git` directory is in the context and not excluded. */
  gitDirectory: boolean;
}

export interface DockerfileProblem {
  offset: number;
  message: string;
}

export function isWindowsImage(image: string, platform?: string): boolean {
  if (platform && /^windows\b/i.test(platform)) return true;
  return /(^|[/:_-])(windows|nanoserver|servercore|windowsservercore)([/:_-]|$)|ltsc20\d\d|windowsservercore|nanoserver/i.test(
    image,
  );
}

const POSIX_SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'busybox']);

export function shellKind(argv: readonly string[]): ShellKind {
  const first = argv[0];
  if (first === undefined) return 'other';
  const name = baseName(first.replace(/\\/g, '/'))
    .toLowerCase()
    .replace(/\.exe$/, '');
  if (POSIX_SHELLS.has(name)) return 'posix';
  if (name === 'powershell' || name === 'pwsh') return 'powershell';
  if (name === 'cmd') return 'cmd';
  return 'other';
}

export class DockerfileDocument implements Locatable {
  readonly type = 'dockerfile' as const;
  readonly source: SourceText;
  readonly directives: { name: string; value: string; range: OffsetRange }[];
  readonly escapeChar: '\\' | '`';
  readonly instructions: Instruction[] = [];
  readonly stages: Stage[] = [];
  /** ARGs declared before the first FROM, with their defaults. */
  readonly globalArgs = new Map<string, string | undefined>();
  /** Instructions that are errors for the builder (unknown keywords, bad syntax). */
  readonly problems: DockerfileProblem[] = [];
  context: BuildContext | undefined;
  #memo: Map<string, unknown> | undefined;

  constructor(source: SourceText) {
    this.source = source;
    const parsed = parseDockerfile(source.text);
    this.directives = parsed.directives.map((d) => ({ name: d.name, value: d.value, range: d.range }));
    this.escapeChar = parsed.escapeChar;
    this.problems.push(...parsed.errors);
    parsed.instructions.forEach((raw, index) => {
      this.#add(new Instruction(raw, index, this.escapeChar));
    });
    const last = this.stages[this.stages.length - 1];
    if (last) last.isFinal = true;
  }

  /** The stage `docker build` produces without `--target`: the last one. */
  get finalStage(): Stage | undefined {
    return this.stages[this.stages.length - 1];
  }

  /** A stage by name (case-insensitive) or index, as `COPY --from` and `FROM` refer to them. */
  stageNamed(reference: string, before = this.stages.length): Stage | undefined {
    const lower = reference.toLowerCase();
    const byName = this.stages.slice(0, before).find((s) => s.name === lower);
    if (byName) return byName;
    if (/^\d+$/.test(reference)) {
      const index = Number(reference);
      if (index < before) return this.stages[index];
    }
    return undefined;
  }

  #inFinal: ReadonlySet<Stage> | undefined;

  /** The stages whose layers make up the final image: the final stage and the stages it is built on. */
  get stagesInFinalImage(): ReadonlySet<Stage> {
    if (!this.#inFinal) {
      const final = this.finalStage;
      const out = new Set<Stage>();
      if (final) for (const stage of final.lineage) out.add(stage);
      this.#inFinal = out;
    }
    return this.#inFinal;
  }

  /** Analyses of this document that rules share, computed once while its rules run (keyed by analysis). */
  get memo(): Map<string, unknown> {
    if (this.#memo === undefined) this.#memo = new Map();
    return this.#memo;
  }

  /**
   * Frees the command models of the RUNs and the analyses rules shared (they are rebuilt if asked
   * for). The references are overwritten, not just dropped: the document is old by the time rules
   * run, and until the next full collection every young object an old one ever pointed to is
   * copied by each young collection (`Map.prototype.clear` leaves the old table, with its pointers,
   * behind).
   */
  releaseAnalyses(): void {
    this.#memo = undefined;
    for (const instruction of this.instructions) instruction.run?.release();
  }

  /** The instruction that contains an offset: comments above it suppress findings inside it. */
  scopeOf(offset: number): OffsetRange | undefined {
    const list = this.instructions;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const range = (list[mid] as Instruction).range;
      if (offset < range[0]) hi = mid - 1;
      else if (offset >= range[1] && !(offset === range[1] && range[0] === range[1])) lo = mid + 1;
      else return range;
    }
    return undefined;
  }

  locate(path: Path): OffsetRange {
    if (path[0] === 'instructions' && typeof path[1] === 'number') {
      const instruction = this.instructions[path[1]];
      if (instruction) return instruction.range;
    }
    const first = this.instructions[0];
    return first ? first.keywordRange : [0, 0];
  }

  #add(instruction: Instruction): void {
    this.instructions.push(instruction);
    const keyword = instruction.keyword;
    if (!INSTRUCTIONS.has(keyword)) {
      this.problems.push({ offset: instruction.keywordRange[0], message: `unknown instruction: ${instruction.raw.keyword}` });
      return;
    }
    if (keyword === 'FROM') {
      this.#addStage(instruction);
      return;
    }
    const stage = this.stages[this.stages.length - 1];
    if (!stage) {
      if (keyword === 'ARG') {
        instruction.pairs = this.#pairs(instruction, 'ARG', (name) => this.#globalLookup(name));
        for (const pair of instruction.pairs) this.globalArgs.set(pair.key, pair.value);
      } else {
        this.problems.push({
          offset: instruction.keywordRange[0],
          message: `${keyword} before the first FROM: only ARG may come before FROM`,
        });
      }
      return;
    }
    instruction.stage = stage;
    instruction.workdir = stage.workdir;
    stage.instructions.push(instruction);
    this.#apply(stage, instruction);
  }

  #globalLookup(name: string): string | undefined | null {
    if (this.globalArgs.has(name)) return this.globalArgs.get(name);
    if (AUTOMATIC_ARGS.includes(name)) return undefined;
    return null;
  }

  #addStage(from: Instruction): void {
    const words = splitWords(from.raw.line.text, from.argsStart, from.raw.line.text.length, this.escapeChar);
    const lookup: VariableLookup = (name) => this.#globalLookup(name);
    const imageRaw = words[0];
    const image = imageRaw ? from.word(imageRaw, lookup, this.escapeChar) : undefined;
    let name: string | undefined;
    let nameRange: OffsetRange | undefined;
    const as = words[1];
    const stageName = words[2];
    if (as && stageName && as.raw.toLowerCase() === 'as') {
      name = unquote(stageName.raw, this.escapeChar).toLowerCase();
      nameRange = from.rangeOf(stageName.start, stageName.end);
    } else if (words.length > 1) {
      this.problems.push({
        offset: from.keywordRange[0],
        message: 'FROM takes an image and optionally "AS name"',
      });
    }
    const platformFlag = from.flag('platform');
    const platform = platformFlag?.value === undefined ? undefined : processWord(platformFlag.value, lookup).value;
    let base: StageBase;
    if (!image) {
      base = { kind: 'invalid', text: '' };
      this.problems.push({ offset: from.keywordRange[0], message: 'FROM requires an image' });
    } else {
      const processed = processWord(image.raw, lookup, this.escapeChar);
      const text = processed.value;
      const stage = this.stageNamed(text.toLowerCase());
      if (processed.unresolved.length > 0) {
        base = { kind: 'unresolved', text: image.value, variables: processed.unresolved };
      } else if (text.toLowerCase() === 'scratch') {
        base = { kind: 'scratch' };
      } else if (stage && /^[a-z0-9][a-z0-9._-]*$/i.test(text)) {
        base = { kind: 'stage', stage };
      } else {
        const ref = parseImageRef(text);
        base = ref ? { kind: 'image', ref } : { kind: 'invalid', text };
        if (!ref) this.problems.push({ offset: image.range[0], message: `invalid image reference "${text}"` });
      }
    }
    const stage = new Stage({
      index: this.stages.length,
      from,
      name,
      nameRange,
      image,
      base,
      platform,
    });
    from.stage = stage;
    this.stages.push(stage);
  }

  #pairs(instruction: Instruction, kind: 'ENV' | 'LABEL' | 'ARG', lookup: VariableLookup): KeyValue[] {
    const line = instruction.raw.line.text;
    const words = splitWords(line, instruction.argsStart, line.length, this.escapeChar);
    const out: KeyValue[] = [];
    const first = words[0];
    if (!first) {
      this.problems.push({ offset: instruction.keywordRange[0], message: `${kind} requires at least one argument` });
      return out;
    }
    if (kind !== 'ARG' && !first.raw.includes('=')) {
      // Legacy form: ENV NAME value with spaces
      const valueStart = words[1]?.start;
      if (valueStart === undefined) {
        this.problems.push({ offset: instruction.keywordRange[0], message: `${kind} must have two arguments` });
        return out;
      }
      const rawValue = line.slice(valueStart).trimEnd();
      out.push(this.#pair(instruction, first.raw, first.start, first.end, rawValue, valueStart, lookup));
      return out;
    }
    for (const word of words) {
      const eq = word.raw.indexOf('=');
      if (eq === -1) {
        if (kind === 'ARG') {
          out.push(this.#pair(instruction, word.raw, word.start, word.end, undefined, undefined, lookup));
          continue;
        }
        this.problems.push({
          offset: instruction.rangeOf(word.start, word.end)[0],
          message: `can't find = in "${word.raw}": ${kind} must be of the form name=value`,
        });
        continue;
      }
      out.push(
        this.#pair(
          instruction,
          word.raw.slice(0, eq),
          word.start,
          word.start + eq,
          word.raw.slice(eq + 1),
          word.start + eq + 1,
          lookup,
        ),
      );
    }
    return out;
  }

  #pair(
    instruction: Instruction,
    rawKey: string,
    keyStart: number,
    keyEnd: number,
    rawValue: string | undefined,
    valueStart: number | undefined,
    lookup: VariableLookup,
  ): KeyValue {
    const key = unquote(rawKey, this.escapeChar);
    let value: string | undefined;
    let unresolved: readonly string[] = NO_NAMES;
    const references: string[] = [];
    if (rawValue !== undefined) {
      const processed = processWord(
        rawValue,
        (name) => {
          references.push(name);
          return lookup(name);
        },
        this.escapeChar,
      );
      value = processed.value;
      unresolved = processed.unresolved;
    }
    const end = valueStart !== undefined && rawValue !== undefined ? valueStart + rawValue.length : keyEnd;
    return {
      key,
      keyRange: instruction.rangeOf(keyStart, keyEnd),
      raw: rawValue,
      value,
      unresolved: unresolved.length === 0 ? NO_NAMES : unresolved,
      references: references.length === 0 ? NO_NAMES : references.slice(),
      valueRange: valueStart !== undefined && rawValue !== undefined ? instruction.rangeOf(valueStart, end) : undefined,
      range: instruction.rangeOf(keyStart, end),
    };
  }

  #apply(stage: Stage, instruction: Instruction): void {
    const lookup = stage.lookup();
    switch (instruction.keyword) {
      case 'ARG':
        instruction.pairs = this.#pairs(instruction, 'ARG', lookup);
        for (const pair of instruction.pairs) {
          const value = pair.raw === undefined ? this.globalArgs.get(pair.key) : pair.value;
          stage.args.set(pair.key, value);
        }
        break;
      case 'ENV':
        instruction.pairs = this.#pairs(instruction, 'ENV', lookup);
        for (const pair of instruction.pairs) stage.env.set(pair.key, pair.unresolved.length > 0 ? undefined : pair.value);
        break;
      case 'LABEL':
        instruction.pairs = this.#pairs(instruction, 'LABEL', lookup);
        break;
      case 'USER': {
        const text = instruction.argsText.trim();
        if (text === '') {
          this.problems.push({ offset: instruction.keywordRange[0], message: 'USER requires an argument' });
          break;
        }
        const processed = processWord(text, lookup, this.escapeChar);
        stage.user = {
          value: unquote(text, this.escapeChar),
          expanded: processed.unresolved.length > 0 ? undefined : processed.value,
          instruction,
        };
        break;
      }
      case 'WORKDIR': {
        const processed = processWord(instruction.argsText.trim(), lookup, this.escapeChar);
        const dir = processed.value.replace(/\\/g, '/');
        stage.workdir = dir.startsWith('/') || /^[A-Za-z]:/.test(dir) ? dir : joinPath(stage.workdir, dir);
        break;
      }
      case 'SHELL':
        if (instruction.json && instruction.json.length > 0) stage.shell = instruction.json.map((w) => w.value);
        else this.problems.push({ offset: instruction.keywordRange[0], message: 'SHELL requires the arguments in JSON form' });
        break;
      case 'RUN':
        instruction.run = this.#run(stage, instruction);
        break;
      case 'COPY':
      case 'ADD':
      case 'EXPOSE':
      case 'VOLUME':
        instruction.expandWords(lookup, this.escapeChar);
        break;
      default:
        break;
    }
  }

  #run(stage: Stage, instruction: Instruction): RunScript {
    const mounts =
      instruction.flags.length === 0 ? NO_MOUNTS : instruction.flags.filter((f) => f.name === 'mount').map((f) => parseMount(f));
    if (instruction.json) {
      const builder = new MappedTextBuilder();
      instruction.json.forEach((word, i) => {
        if (i > 0) builder.addStandIn(' ', [word.range[0], word.range[0]]);
        builder.addStandIn(shellQuote(word.value), word.range);
      });
      return new RunScript({ form: 'exec', shell: [], kind: 'posix', script: builder.build(), mounts });
    }
    const kind = shellKind(stage.shell);
    const line = instruction.raw.line;
    const argsEnd = line.text.trimEnd().length;
    const heredocs = instruction.heredocs;
    const only = heredocs[0];
    if (heredocs.length === 1 && only && /^\d*<<-?\S+$/.test(line.text.slice(instruction.argsStart, argsEnd).trim())) {
      // `RUN <<EOF`: the body is the script (run by its #! interpreter when it has one).
      const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(only.content);
      let runKind = kind;
      let interpreter: string | undefined;
      if (shebang && stage.os !== 'windows') {
        const program = baseName(shebang[1] as string);
        interpreter = program === 'env' && shebang[2] !== undefined ? shebang[2] : program;
        runKind = POSIX_SHELLS.has(interpreter) ? 'posix' : 'other';
      }
      return new RunScript({ form: 'shell', shell: stage.shell, kind: runKind, script: only.body, mounts, interpreter });
    }
    const start = instruction.argsStart;
    if (heredocs.length === 0) {
      return new RunScript({ form: 'shell', shell: stage.shell, kind, script: () => line.slice(start, argsEnd), mounts });
    }
    const source = this.source;
    const script = () => {
      const first = heredocs[0] as RawHeredoc;
      const last = heredocs[heredocs.length - 1] as RawHeredoc;
      const newline = new MappedTextBuilder();
      newline.addStandIn('\n', [first.range[0], first.range[0]]);
      const from = first.range[0];
      return line
        .slice(start, argsEnd)
        .concat(newline.build())
        .concat(MappedText.contiguous(source.text.slice(from, last.range[1]), from));
    };
    return new RunScript({ form: 'shell', shell: stage.shell, kind, script, mounts });
  }
}

function joinPath(base: string, relative: string): string {
  const parts = `${base}/${relative}`.split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** Resolves a path against an instruction's working directory. */
export function resolvePath(workdir: string, path: string): string {
  if (path.startsWith('/')) return joinPath('/', path);
  return joinPath(workdir, path);
}

function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `--mount=type=secret,id=npm,target=/root/.npmrc` */
export function parseMount(flag: Flag): Mount {
  const options: Record<string, string> = {};
  for (const part of (flag.value ?? '').split(',')) {
    const eq = part.indexOf('=');
    const key = (eq === -1 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (key === '') continue;
    options[key] = eq === -1 ? 'true' : part.slice(eq + 1).trim();
  }
  return { type: options.type ?? 'bind', options, range: flag.range };
}
