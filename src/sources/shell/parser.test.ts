import { describe, expect, it } from 'vitest';
import { analyseShell } from '../../model/shell.js';
import type { ShellSimpleCommand } from './ast.js';
import { MAX_SHELL_DEPTH, parseShell } from './parser.js';

/** The commands a script runs, as `program arg arg` strings (computed words as written). */
function commands(text: string): string[] {
  const analysis = analyseShell(text);
  expect(analysis.error, `parse error in ${JSON.stringify(text)}`).toBeUndefined();
  return analysis.commands.map((c) => c.words.map((w) => w.value ?? w.text).join(' '));
}

describe('parseShell', () => {
  it.each([
    ['simple command', 'apt-get install -y curl', ['apt-get install -y curl']],
    ['&& chain', 'apt-get update && apt-get install -y curl', ['apt-get update', 'apt-get install -y curl']],
    ['|| and ;', 'a || b; c', ['a', 'b', 'c']],
    ['line continuation', 'apt-get install \\\n  -y \\\n  curl', ['apt-get install -y curl']],
    ['single and double quotes', `echo 'a b' "c $HOME d" e\\ f`, ['echo a b c $HOME d e f']],
    ['ANSI-C quoting', "printf $'a\\tb'", ['printf a\tb']],
    ['pipeline', 'curl -fsSL https://x | sh -', ['curl -fsSL https://x', 'sh -']],
    ['pipe with stderr', 'make |& tee log', ['make', 'tee log']],
    ['subshell', '(cd /src && make)', ['cd /src', 'make']],
    ['brace group', '{ echo a; echo b; } > out', ['echo a', 'echo b']],
    ['command substitution', 'echo "$(uname -m)" `id -u`', ['uname -m', 'id -u', 'echo $(...) $(...)']],
    ['arithmetic', 'echo $((1 + 2))', ['echo $((1 + 2))']],
    ['parameter forms', 'echo ${A:-b} ${#A} $1 $@', ['echo ${A:-b} ${#A} $1 $@']],
    [
      'if / elif / else',
      'if [ -f a ]; then echo a; elif test -f b; then echo b; else echo c; fi',
      ['[ -f a ]', 'echo a', 'test -f b', 'echo b', 'echo c'],
    ],
    ['for loop', 'for f in a b; do rm -f "$f"; done', ['rm -f $f']],
    ['C-style for', 'for ((i=0; i<3; i++)); do echo $i; done', ['echo $i']],
    ['while loop', 'while read -r line; do echo "$line"; done < file', ['read -r line', 'echo $line']],
    [
      'case',
      'case "$(dpkg --print-architecture)" in amd64) A=x;; arm64|aarch64) A=y ;; *) exit 1;; esac',
      ['dpkg --print-architecture', '', '', 'exit 1'],
    ],
    ['[[ ]]', '[[ -n "$X" && $Y == a* ]] && echo ok', ['echo ok']],
    ['(( ))', '(( n > 1 )) && echo many', ['echo many']],
    ['function', 'f() { echo in; }; f', ['echo in', 'f']],
    ['function keyword', 'function g { echo in; }', ['echo in']],
    ['assignments only', 'A=1 B="two words"', ['']],
    ['assignment before a command', 'DEBIAN_FRONTEND=noninteractive apt-get install -y x', ['apt-get install -y x']],
    ['array assignment', 'arr=(a "b c") && echo ${arr[1]}', ['', 'echo ${arr[1]}']],
    ['redirections', 'cmd 2>&1 >/dev/null <in &>>log 3<>f', ['cmd']],
    ['comments', '# setup\necho a # trailing\n  # more\necho b', ['echo a', 'echo b']],
    ['negation and time', '! grep -q x f && time -p make', ['grep -q x f', 'make']],
    ['background', 'dockerd & sleep 1', ['dockerd', 'sleep 1']],
    ['extglob', 'rm -rf !(keep|this)', ['rm -rf !(keep|this)']],
    ['process substitution', 'diff <(sort a) <(sort b)', ['sort a', 'sort b', 'diff <(...) <(...)']],
    ['CRLF line endings', 'echo a\r\necho b\r\n', ['echo a', 'echo b']],
    ['reserved word as an argument', 'echo if then fi done', ['echo if then fi done']],
  ])('%s', (_name, text, expected) => {
    expect(commands(text)).toEqual(expected);
  });

  it('reads here-document bodies without treating them as commands', () => {
    const text = 'cat <<EOF > /etc/conf\nrm -rf /\n$HOME\nEOF\necho after';
    expect(commands(text)).toEqual(['cat', 'echo after']);
    const cat = analyseShell(text).commands[0];
    expect(cat?.redirects.map((r) => [r.op, r.heredoc])).toEqual([
      ['<<', 'rm -rf /\n$HOME\n'],
      ['>', undefined],
    ]);
  });

  it('handles <<- (tab stripping), quoted delimiters and two here-documents on one line', () => {
    const text = "cat <<-'END' && cat <<X\n\tone\n\tEND\ntwo\nX\nls";
    const analysis = analyseShell(text);
    expect(analysis.error).toBeUndefined();
    expect(analysis.commands.map((c) => c.name)).toEqual(['cat', 'cat', 'ls']);
    expect(analysis.commands[0]?.redirects[0]?.heredoc).toBe('one\n');
    expect(analysis.commands[1]?.redirects[0]?.heredoc).toBe('two\n');
  });

  it('keeps the source range of every command and word', () => {
    const text = 'apt-get update  &&  apt-get install -y curl';
    const analysis = analyseShell(text);
    const second = analysis.commands[1];
    expect(second && text.slice(second.range[0], second.range[1])).toBe('apt-get install -y curl');
    const curl = second?.args[2];
    expect(curl && text.slice(curl.range[0], curl.range[1])).toBe('curl');
  });

  it('records the && / || operator and the pipeline of each command', () => {
    const analysis = analyseShell('a && curl x | bash || c');
    const [a, curl, bash, c] = analysis.commands;
    expect([a?.joinedBy, curl?.joinedBy, bash?.joinedBy, c?.joinedBy]).toEqual([undefined, '&&', '&&', '||']);
    expect(curl?.pipeline.members.map((m) => m?.name)).toEqual(['curl', 'bash']);
    expect(bash?.pipeIndex).toBe(1);
  });

  it('marks commands in subshells, substitutions (which run first), conditions and loops', () => {
    const analysis = analyseShell('(a); echo $(b); if c; then d; fi; while e; do f; done');
    const flags = analysis.commands.map((x) => [x.name, x.inSubshell, x.inSubstitution, x.inCondition, x.inLoop]);
    expect(flags).toEqual([
      ['a', true, false, false, false],
      ['b', false, true, false, false],
      ['echo', false, false, false, false],
      ['c', false, false, true, false],
      ['d', false, false, false, false],
      ['e', false, false, true, true],
      ['f', false, false, false, true],
    ]);
  });

  it('unwraps sudo, env, timeout, xargs and sh -c', () => {
    const analysis = analyseShell(
      "sudo -u app env A=1 apt-get install x; timeout 10 curl y; find . | xargs -n1 chmod 777; sh -c 'wget -qO- z | sh'",
    );
    expect(analysis.commands.map((c) => c.program)).toEqual([
      'sudo',
      'env',
      'apt-get',
      'timeout',
      'curl',
      'find',
      'xargs',
      'chmod',
      'sh',
      'wget',
      'sh',
    ]);
    const aptGet = analysis.commands[2];
    expect(aptGet?.wrapper?.program).toBe('env');
    expect(aptGet?.wrapper?.wrapper?.program).toBe('sudo');
    const wget = analysis.commands[9];
    expect(wget?.pipeline.members.map((m) => m?.program)).toEqual(['wget', 'sh']);
  });

  it.each([
    ['unterminated quote', 'echo "abc', 'unterminated double quote'],
    ['unterminated single quote', "echo 'abc", 'unterminated single quote'],
    ['missing fi', 'if true; then echo', 'expected "fi"'],
    ['stray fi', 'echo a; fi', 'unexpected "fi"'],
    ['unterminated substitution', 'echo $(ls', 'unterminated "$("'],
    ['dangling &&', 'a &&', 'unexpected end of input'],
  ])('reports a syntax error (%s) and still finds commands', (_name, text, message) => {
    const result = parseShell(text);
    expect(result.error?.message).toContain(message);
    expect(result.script.body.items.length).toBeGreaterThan(0);
    const first = result.script.body.items[0]?.pipelines[0]?.commands[0] as ShellSimpleCommand | undefined;
    expect(first?.type).toBe('SimpleCommand');
  });

  it('gives up on absurd nesting with an error, not a crash', () => {
    const deep = `${'$('.repeat(MAX_SHELL_DEPTH + 5)}x${')'.repeat(MAX_SHELL_DEPTH + 5)}`;
    const result = parseShell(`echo ${deep}`);
    expect(result.error?.message).toMatch(/nesting/);
  });

  it('finds commands in a syntactically broken script with the tolerant pass', () => {
    const analysis = analyseShell('if curl -fsSL x | sh; then echo "ok');
    expect(analysis.error).toBeDefined();
    expect(analysis.commands.map((c) => c.program)).toContain('curl');
    const curl = analysis.commands.find((c) => c.program === 'curl');
    expect(curl?.pipeline.members.map((m) => m?.program)).toEqual(['curl', 'sh']);
  });
});
