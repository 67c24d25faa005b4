/**
 * Text assembled from pieces of a source file (a Dockerfile instruction with its line
 * continuations removed, a shell script embedded in YAML), with a map from each character back to
 * its offset in the source. Parsers work on the assembled text; findings point into the source.
 */
import type { OffsetRange } from '../core/source.js';

/**
 * One piece: where it starts in the text, where it comes from in the source, its length in the
 * text and the length of the source range it stands for. Equal lengths mean the piece is verbatim
 * source; otherwise (a decoded JSON string, a synthetic separator) its characters all map to the
 * start of the source range and a range ending in it covers the whole source range.
 */
type Piece = readonly [textStart: number, sourceStart: number, textLength: number, sourceLength: number, verbatim: boolean];

export class MappedText {
  readonly text: string;
  readonly #pieces: readonly Piece[];

  constructor(text: string, pieces: readonly Piece[]) {
    this.text = text;
    this.#pieces = pieces;
  }

  /** A text that is one contiguous piece of the source starting at `sourceStart`. */
  static contiguous(text: string, sourceStart: number): MappedText {
    return new MappedText(text, [[0, sourceStart, text.length, text.length, true]]);
  }

  #pieceIndex(offset: number): number {
    const pieces = this.#pieces;
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((pieces[mid] as Piece)[0] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The source offset of a text offset. */
  toSource(offset: number): number {
    if (this.#pieces.length === 0) return 0;
    const [start, source, length, sourceLength, verbatim] = this.#pieces[this.#pieceIndex(offset)] as Piece;
    if (!verbatim) return offset >= start + length ? source + sourceLength : source;
    return source + Math.max(0, Math.min(offset - start, length));
  }

  /** The source range of a text range. */
  sourceRange(range: readonly [number, number]): OffsetRange {
    const start = this.toSource(range[0]);
    if (range[1] <= range[0] || this.#pieces.length === 0) return [start, start];
    const [pieceStart, source, length, sourceLength, verbatim] = this.#pieces[this.#pieceIndex(range[1] - 1)] as Piece;
    const end = !verbatim ? source + sourceLength : source + Math.min(range[1] - pieceStart, length);
    return [start, Math.max(start, end)];
  }

  /** The part of the text in [start, end), keeping its map. */
  slice(start: number, end = this.text.length): MappedText {
    const from = Math.max(0, Math.min(start, this.text.length));
    const to = Math.max(from, Math.min(end, this.text.length));
    const out: Piece[] = [];
    for (const [segStart, source, length, sourceLength, verbatim] of this.#pieces) {
      const a = Math.max(from, segStart);
      const b = Math.min(to, segStart + length);
      if (a >= b) continue;
      if (verbatim) out.push([a - from, source + (a - segStart), b - a, b - a, true]);
      else out.push([a - from, source, b - a, sourceLength, false]);
    }
    if (out.length === 0) {
      const at = this.toSource(from);
      out.push([0, at, 0, 0, true]);
    }
    return new MappedText(this.text.slice(from, to), out);
  }

  /** This text followed by `other`. */
  concat(other: MappedText): MappedText {
    const shift = this.text.length;
    const out: Piece[] = [...this.#pieces];
    for (const [start, source, length, sourceLength, verbatim] of other.#pieces) {
      out.push([start + shift, source, length, sourceLength, verbatim]);
    }
    return new MappedText(this.text + other.text, out);
  }
}

/** Builds a mapped text piece by piece. */
export class MappedTextBuilder {
  #text = '';
  readonly #pieces: Piece[] = [];

  /** Appends `text`, found verbatim in the source at `sourceStart`. */
  add(text: string, sourceStart: number): void {
    if (text.length === 0) return;
    this.#pieces.push([this.#text.length, sourceStart, text.length, text.length, true]);
    this.#text += text;
  }

  /** Appends text that stands for the source range `source` without being a copy of it. */
  addStandIn(text: string, source: OffsetRange): void {
    if (text.length === 0) return;
    this.#pieces.push([this.#text.length, source[0], text.length, Math.max(0, source[1] - source[0]), false]);
    this.#text += text;
  }

  get length(): number {
    return this.#text.length;
  }

  build(): MappedText {
    return new MappedText(this.#text, [...this.#pieces]);
  }
}
