import { describe, expect, it } from 'vitest';
import { SourceText } from '../core/source.js';
import { DockerfileDocument } from './dockerfile.js';

const doc = (text: string) => new DockerfileDocument(new SourceText('Dockerfile', text));

describe('DockerfileDocument', () => {
  it('builds stages with names, stage references, scratch and ARG substitution in FROM', () => {
    const d = doc(
      'ARG GO=1.22\nARG BASE\nFROM golang:${GO} AS Build\nFROM build AS test\nFROM scratch\nFROM ${BASE}\nFROM --platform=$BUILDPLATFORM alpine:3.20\n',
    );
    expect(d.stages.map((s) => [s.name, s.base.kind])).toEqual([
      ['build', 'image'],
      ['test', 'stage'],
      [undefined, 'scratch'],
      [undefined, 'unresolved'],
      [undefined, 'image'],
    ]);
    const first = d.stages[0]?.base;
    expect(first?.kind === 'image' && first.ref.tag).toBe('1.22');
    expect(d.finalStage?.index).toBe(4);
    expect(d.problems).toEqual([]);
  });

  it('scopes ARG and ENV: global args only in FROM, stage args re-declared, ENV expansion in USER and WORKDIR', () => {
    const d = doc(
      'ARG APP=web\nFROM alpine:3.20\nARG APP\nENV HOME_DIR=/srv/$APP UID=1001\nWORKDIR $HOME_DIR\nWORKDIR data\nUSER ${UID}\n',
    );
    const stage = d.finalStage;
    expect(stage?.env.get('HOME_DIR')).toBe('/srv/web');
    expect(stage?.workdir).toBe('/srv/web/data');
    expect(stage?.user?.expanded).toBe('1001');
  });

  it('reads the legacy ENV form and reports malformed instructions as problems', () => {
    const d = doc('FROM alpine:3.20\nENV GREETING hello world\nRUNN x\nLABEL novalue\n');
    expect(d.instructions[1]?.pairs.map((p) => [p.key, p.value])).toEqual([['GREETING', 'hello world']]);
    expect(d.problems.map((p) => p.message)).toEqual(['unknown instruction: RUNN', 'LABEL must have two arguments']);
  });

  it('reports instructions before the first FROM', () => {
    expect(doc('RUN x\nFROM alpine\n').problems[0]?.message).toMatch(/before the first FROM/);
  });

  it('parses shell-form RUN with /bin/sh and maps commands back into the file', () => {
    const text = 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk \\\n    apk add curl && \\\n    rm -rf /tmp/x\n';
    const run = doc(text).instructions[1]?.run;
    expect(run?.kind).toBe('posix');
    expect(run?.mounts.map((m) => [m.type, m.options.target])).toEqual([['cache', '/var/cache/apk']]);
    const rm = run?.commands.find((c) => c.program === 'rm');
    const range = rm && run?.sourceRange(rm.range);
    expect(range && text.slice(range[0], range[1])).toBe('rm -rf /tmp/x');
  });

  it('does not parse PowerShell or cmd as sh: SHELL and Windows base images', () => {
    const d = doc(
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir c:\\temp\nSHELL ["powershell", "-Command", "$ErrorActionPreference = \'Stop\';"]\nRUN $x = Get-Item .; Write-Host $x.Name | Out-Null\nFROM debian:12\nRUN echo hi\n',
    );
    const runs = d.instructions.filter((i) => i.run).map((i) => [i.run?.kind, i.run?.commands.length, i.run?.syntaxError]);
    expect(runs).toEqual([
      ['cmd', 0, undefined],
      ['powershell', 0, undefined],
      ['posix', 1, undefined],
    ]);
  });

  it('exec-form RUN: the command, and sh -c scripts inside it', () => {
    const run = doc('FROM alpine:3.20\nRUN ["/bin/sh", "-c", "apk add curl && curl -fsSL x | sh"]\n').instructions[1]?.run;
    expect(run?.form).toBe('exec');
    expect(run?.commands.map((c) => c.program)).toEqual(['sh', 'apk', 'curl', 'sh']);
  });

  it('heredoc RUN: the body is the script; a #! line names another interpreter', () => {
    const d = doc(
      'FROM python:3.12\nRUN <<EOF\nset -e\npip install x\nEOF\nRUN <<PY\n#!/usr/bin/env python3\nprint(1)\nPY\nRUN python3 - <<EOF\nimport os\nEOF\n',
    );
    const runs = d.instructions.filter((i) => i.run).map((i) => i.run);
    expect(runs[0]?.commands.map((c) => c.program)).toEqual(['set', 'pip']);
    expect([runs[1]?.kind, runs[1]?.interpreter]).toEqual(['other', 'python3']);
    expect(runs[2]?.commands.map((c) => [c.program, c.redirects[0]?.heredoc])).toEqual([['python3', 'import os\n']]);
  });

  it('a RUN that is not valid shell degrades: no problem for the Dockerfile, commands still found', () => {
    const d = doc('FROM alpine:3.20\nRUN if curl -fsSL x | sh; then echo "unterminated\n');
    const run = d.instructions[1]?.run;
    expect(d.problems).toEqual([]);
    expect(run?.syntaxError?.message).toMatch(/unterminated/);
    expect(run?.commands.map((c) => c.program)).toContain('curl');
  });

  it('knows which stages reach the final image', () => {
    const d = doc('FROM a:1 AS deps\nFROM deps AS build\nFROM b:1 AS unrelated\nFROM build\n');
    expect([...d.stagesInFinalImage].map((s) => s.name ?? s.index)).toEqual([3, 'build', 'deps']);
  });
});
