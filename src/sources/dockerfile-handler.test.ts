import { describe, expect, it } from 'vitest';
import { scanText } from '../testing/index.js';
import { isDockerfileName, looksLikeDockerfile } from './dockerfile-handler.js';

describe('Dockerfile detection', () => {
  it.each([
    ['Dockerfile', true],
    ['dockerfile', true],
    ['Containerfile', true],
    ['app.Dockerfile', true],
    ['build.dockerfile', true],
    ['Dockerfile.dev', true],
    ['Dockerfile-chroot', true],
    ['Containerfile.ubi', true],
    ['Dockerfile.dockerignore', false],
    ['Dockerfile.template', false],
    ['Dockerfile.md', false],
    ['Dockerfile.yaml', false],
    ['DockerfileGenerator.java', false],
    ['README', false],
  ])('%s: %s', (name, expected) => {
    expect(isDockerfileName(name)).toBe(expected);
  });

  it('recognises content: FROM first, or ARGs then FROM, after comments and directives', () => {
    expect(looksLikeDockerfile('# syntax=docker/dockerfile:1\n\nFROM alpine\n')).toBe(true);
    expect(looksLikeDockerfile('ARG BASE=alpine\nARG X \\\n  Y\nfrom ${BASE}\n')).toBe(true);
    expect(looksLikeDockerfile('#!/bin/sh\necho FROM\n')).toBe(false);
    expect(looksLikeDockerfile('FROM\n')).toBe(false);
  });

  it('skips Dockerfile templates instead of reporting errors', async () => {
    const result = await scanText('{{ def x: 1 }}\nFROM alpine:{{ .version }}\n', { filename: 'Dockerfile.oracle' });
    expect(result.errors).toEqual([]);
    expect(result.skipped[0]?.reason).toMatch(/template/);
  });

  it('reports what Docker itself rejects, with positions', async () => {
    const result = await scanText('FROM alpine:3.20\nRUNN echo\n', { filename: 'Dockerfile' });
    expect(result.errors).toEqual([{ file: 'Dockerfile', line: 2, column: 1, message: 'Dockerfile: unknown instruction: RUNN' }]);
  });
});
