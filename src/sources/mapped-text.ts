/**
 * Text assembled from pieces of a source file (a Dockerfile instruction with its line
 * continuations removed, a shell script embedded in YAML), with a map from each character back to
 * its offset in the source. Parsers work on the assembled text; findings point into the source.
 */
import type { OffsetRange } from '../core/source.js';

/**
 * The pieces, five numbers each, one after the other in one array (a text has a piece per source
 * line it is made of, and a Dockerfile model keeps a text per instruction and per RUN): where the
 * piece starts in the text, where it comes from in the source, its length in the text, the length
 * of the source range it stands for, and 1 when it is verbatim source. Equal lengths mean the piece
 * is verbatim source; otherwise (a decoded JSON string, a synthetic separator) its characters all
 * map to the start of the source range and a range ending in it covers the whole source range.
 */
const STRIDE = 5;

export class MappedText {
  readonly text: string;
  /** The pieces; undefined for a text that is one verbatim piece of the source (most instructions are one line). */
  readonly #many: readonly number[] | undefined;
  /** For a text that is one verbatim piece: where it starts in the source. */
  readonly #start: number;

  /** `pieces`: five numbers per piece, as described above (made by the builder, `slice` and `concat`). */
  private constructor(text: string, pieces: readonly number[] | undefined, start = 0) {
    this.text = text;
    this.#many = pieces;
    this.#start = start;
  }

  /** A text that is one contiguous piece of the source starting at `sourceStart`. */
  static contiguous(text: string, sourceStart: number): MappedText {
    return new MappedText(text, undefined, sourceStart);
  }

  get #pieces(): readonly number[] {
    return this.#many ?? [0, this.#start, this.text.length, this.text.length, 1];
  }

  /** The index (of its first number) of the piece that holds a text offset. */
  #pieceIndex(offset: number): number {
    const pieces = this.#pieces;
    let lo = 0;
    let hi = pieces.length / STRIDE - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((pieces[mid * STRIDE] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo * STRIDE;
  }

  /** The source offset of a text offset. */
  toSource(offset: number): number {
    if (this.#many === undefined) return this.#start + Math.max(0, Math.min(offset, this.text.length));
    const pieces = this.#many;
    if (pieces.length === 0) return 0;
    const at = this.#pieceIndex(offset);
    const start = pieces[at] as number;
    const source = pieces[at + 1] as number;
    const length = pieces[at + 2] as number;
    if (pieces[at + 4] === 0) return offset >= start + length ? source + (pieces[at + 3] as number) : source;
    return source + Math.max(0, Math.min(offset - start, length));
  }

  /** The source range of a text range. */
  sourceRange(range: readonly [number, number]): OffsetRange {
    const start = this.toSource(range[0]);
    if (this.#many === undefined) {
      if (range[1] <= range[0]) return [start, start];
      return [start, Math.max(start, this.#start + Math.min(range[1], this.text.length))];
    }
    const pieces = this.#many;
    if (range[1] <= range[0] || pieces.length === 0) return [start, start];
    const at = this.#pieceIndex(range[1] - 1);
    const pieceStart = pieces[at] as number;
    const source = pieces[at + 1] as number;
    const length = pieces[at + 2] as number;
    const end = pieces[at + 4] === 0 ? source + (pieces[at + 3] as number) : source + Math.min(range[1] - pieceStart, length);
    return [start, Math.max(start, end)];
  }

  /** The part of the text in [start, end), keeping its map. */
  slice(start: number, end = this.text.length): MappedText {
    const from = Math.max(0, Math.min(start, this.text.length));
    const to = Math.max(from, Math.min(end, this.text.length));
    if (this.#many === undefined) return new MappedText(this.text.slice(from, to), undefined, this.#start + from);
    const pieces = this.#many;
    const out: number[] = [];
    for (let at = 0; at < pieces.length; at += STRIDE) {
      const segStart = pieces[at] as number;
      const source = pieces[at + 1] as number;
      const length = pieces[at + 2] as number;
      const a = Math.max(from, segStart);
      const b = Math.min(to, segStart + length);
      if (a >= b) continue;
      if (pieces[at + 4] === 1) out.push(a - from, source + (a - segStart), b - a, b - a, 1);
      else out.push(a - from, source, b - a, pieces[at + 3] as number, 0);
    }
    if (out.length === 0) out.push(0, this.toSource(from), 0, 0, 1);
    return new MappedText(this.text.slice(from, to), out.slice());
  }

  /** This text followed by `other`. */
  concat(other: MappedText): MappedText {
    const shift = this.text.length;
    const out: number[] = this.#pieces.slice();
    const more = other.#pieces;
    for (let at = 0; at < more.length; at += STRIDE) {
      out.push(
        (more[at] as number) + shift,
        more[at + 1] as number,
        more[at + 2] as number,
        more[at + 3] as number,
        more[at + 4] as number,
      );
    }
    return new MappedText(this.text + other.text, out.slice());
  }

  /** A text made of pieces collected by a builder. */
  static fromPieces(text: string, pieces: readonly number[]): MappedText {
    if (pieces.length === STRIDE && pieces[0] === 0 && pieces[2] === text.length && pieces[4] === 1) {
      return new MappedText(text, undefined, pieces[1] as number);
    }
    return new MappedText(text, pieces);
  }
}

/** Builds a mapped text piece by piece. */
export class MappedTextBuilder {
  /** The texts, joined once when built (a string grown by `+=` is kept as a chain of pieces). */
  readonly #texts: string[] = [];
  #length = 0;
  readonly #pieces: number[] = [];

  /** Appends `text`, found verbatim in the source at `sourceStart`. */
  add(text: string, sourceStart: number): void {
    if (text.length === 0) return;
    this.#pieces.push(this.#length, sourceStart, text.length, text.length, 1);
    this.#texts.push(text);
    this.#length += text.length;
  }

  /** Appends text that stands for the source range `source` without being a copy of it. */
  addStandIn(text: string, source: OffsetRange): void {
    if (text.length === 0) return;
    this.#pieces.push(this.#length, source[0], text.length, Math.max(0, source[1] - source[0]), 0);
    this.#texts.push(text);
    this.#length += text.length;
  }

  get length(): number {
    return this.#length;
  }

  build(): MappedText {
    const texts = this.#texts;
    const text = texts.length === 1 ? (texts[0] as string) : texts.join('');
    // An exact-length copy: an array grown by push keeps spare room.
    return MappedText.fromPieces(text, this.#pieces.slice());
  }
}
