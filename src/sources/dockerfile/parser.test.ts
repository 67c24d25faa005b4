import { describe, expect, it } from 'vitest';
import { parseDockerfile } from './parser.js';

function summary(text: string) {
  const parsed = parseDockerfile(text);
  return parsed.instructions.map((i) => ({
    keyword: i.keyword,
    args: i.line.text.slice(i.argsStart),
    heredocs: i.heredocs.map((h) => [h.name, h.content]),
  }));
}

describe('parseDockerfile (BuildKit line rules)', () => {
  it('joins continuations without adding a space, dropping comment and empty lines inside them', () => {
    const text = 'RUN apt-get update \\\n    && apt-get install -y \\\n# a comment inside\n\n      curl\n';
    expect(summary(text)).toEqual([
      { keyword: 'RUN', args: 'apt-get update     && apt-get install -y       curl', heredocs: [] },
    ]);
  });

  it('an escaped escape character at the end is not a continuation', () => {
    expect(summary('RUN echo \\\\\nRUN x\n').map((i) => i.args)).toEqual(['echo \\\\', 'x']);
  });

  it('reads directives only at the top, and the backtick escape character', () => {
    const text =
      '# syntax=docker/dockerfile:1\n# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN Write-Host a `\n    b\n';
    const parsed = parseDockerfile(text);
    expect(parsed.directives.map((d) => [d.name, d.value])).toEqual([
      ['syntax', 'docker/dockerfile:1'],
      ['escape', '`'],
    ]);
    expect(parsed.escapeChar).toBe('`');
    expect(parsed.instructions[1]?.line.text).toBe('RUN Write-Host a     b');
  });

  it('stops looking for directives after the first other line', () => {
    const parsed = parseDockerfile('# a comment\n# escape=`\nFROM alpine\n');
    expect(parsed.directives).toEqual([]);
    expect(parsed.escapeChar).toBe('\\');
  });

  it('reports an invalid escape token and a repeated directive', () => {
    expect(parseDockerfile('# escape=x\nFROM a\n').errors[0]?.message).toMatch(/invalid escape token/);
    expect(parseDockerfile('# syntax=a\n# syntax=b\nFROM a\n').errors[0]?.message).toMatch(/only one syntax/);
  });

  it('reads here-documents after RUN, COPY and ADD: <<EOF, <<-EOF, quoted and several per line', () => {
    const text = [
      'RUN <<EOF',
      'apt-get update',
      'EOF',
      'COPY <<-"A" /a <<B /b',
      '\tone',
      '\tA',
      'two',
      'B',
      'RUN ["echo", "<<X"]',
      'CMD echo <<NOT',
      '',
    ].join('\n');
    expect(summary(text)).toEqual([
      { keyword: 'RUN', args: '<<EOF', heredocs: [['EOF', 'apt-get update\n']] },
      {
        keyword: 'COPY',
        args: '<<-"A" /a <<B /b',
        heredocs: [
          ['A', 'one\n'],
          ['B', 'two\n'],
        ],
      },
      { keyword: 'RUN', args: '["echo", "<<X"]', heredocs: [] },
      { keyword: 'CMD', args: 'echo <<NOT', heredocs: [] },
    ]);
    const quoted = parseDockerfile(text).instructions[1]?.heredocs[0];
    expect([quoted?.expand, quoted?.chomp]).toEqual([false, true]);
  });

  it('reports an unterminated here-document', () => {
    expect(parseDockerfile('RUN <<EOF\necho\n').errors[0]?.message).toMatch(/unterminated heredoc/);
  });

  it('keeps exact source positions across continuations, CRLF and a BOM', () => {
    const text = '\uFEFFFROM alpine\r\nRUN a \\\r\n  b\r\n';
    const parsed = parseDockerfile(text);
    const run = parsed.instructions[1];
    expect(run?.line.text).toBe('RUN a   b');
    const b = run?.line.text.indexOf('b') ?? 0;
    const at = run?.line.sourceRange([b, b + 1]);
    expect(at && text.slice(at[0], at[1])).toBe('b');
    expect(run && text.slice(run.range[0], run.range[1])).toBe('RUN a \\\r\n  b');
  });
});
