import { describe, expect, it } from 'vitest';
import { MappedText, MappedTextBuilder } from './mapped-text.js';

describe('MappedText', () => {
  const source = 'RUN a \\\n  bb \\\n  ccc';
  const builder = new MappedTextBuilder();
  builder.add('a ', 4);
  builder.add('  bb ', 8);
  builder.add('  ccc', 15);
  const text = builder.build();

  it('maps offsets and ranges back to the source', () => {
    expect(text.text).toBe('a   bb   ccc');
    const at = text.text.indexOf('ccc');
    const range = text.sourceRange([at, at + 3]);
    expect(source.slice(range[0], range[1])).toBe('ccc');
    const span = text.sourceRange([0, text.text.length]);
    expect(source.slice(span[0], span[1])).toBe('a \\\n  bb \\\n  ccc');
  });

  it('slices and concatenates keep the map', () => {
    const tail = text.slice(text.text.indexOf('bb'));
    const range = tail.sourceRange([0, 2]);
    expect(source.slice(range[0], range[1])).toBe('bb');
    const joined = MappedText.contiguous('x', 0).concat(tail);
    const r = joined.sourceRange([1, 3]);
    expect(source.slice(r[0], r[1])).toBe('bb');
  });

  it('a stand-in covers the whole source range it stands for', () => {
    const b = new MappedTextBuilder();
    b.addStandIn("'a b'", [10, 17]);
    expect(b.build().sourceRange([1, 2])).toEqual([10, 17]);
  });
});
