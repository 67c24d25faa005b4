/**
 * A loaded text file and the mapping from character offsets to 1-based line/column positions.
 * Only the engine turns offsets into positions, once per finding.
 */
export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A half-open range of character offsets [start, end) into a source text. */
export type OffsetRange = readonly [start: number, end: number];

export class SourceText {
  /** The path as the user gave it (relative paths stay relative); `<stdin>` for standard input. */
  readonly path: string;
  readonly text: string;
  #lineStarts: number[] | undefined;

  constructor(path: string, text: string) {
    this.path = path;
    this.text = text;
  }

  get lineStarts(): number[] {
    if (this.#lineStarts === undefined) {
      const starts = [0];
      const text = this.text;
      let i = text.indexOf('\n');
      while (i !== -1) {
        starts.push(i + 1);
        i = text.indexOf('\n', i + 1);
      }
      this.#lineStarts = starts;
    }
    return this.#lineStarts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 1-based line and column of a character offset (clamped to the text). */
  positionAt(offset: number): { line: number; column: number } {
    const starts = this.lineStarts;
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (starts[lo] ?? 0) + 1 };
  }

  /** Character offset of a 1-based line/column. */
  offsetAt(line: number, column: number): number {
    const start = this.lineStarts[Math.max(0, line - 1)] ?? this.text.length;
    return Math.min(this.text.length, start + Math.max(0, column - 1));
  }

  range(range: OffsetRange): Position {
    const start = this.positionAt(range[0]);
    const end = this.positionAt(Math.max(range[0], range[1]));
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }
}
