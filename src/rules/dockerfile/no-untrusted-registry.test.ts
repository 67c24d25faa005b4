import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-untrusted-registry.js';

const allow =
  (...prefixes: string[]) =>
  (settings: { registries: { allowed: string[] } }) => {
    settings.registries.allowed = prefixes;
  };

describe('dockerfile/no-untrusted-registry', () => {
  testRule(rule, {
    valid: [
      { name: 'no allowed list configured: nothing to enforce', code: 'FROM evil.example/node:20\n' },
      { name: 'allowed prefix', code: 'FROM ghcr.io/acme/api:1.2\n', settings: allow('ghcr.io/acme') },
      { name: 'Docker Hub official image allowed by library/', code: 'FROM node:20\n', settings: allow('library/') },
      {
        name: 'scratch and stages are not pulled',
        code: 'FROM ghcr.io/acme/b:1 AS b\nFROM b\nFROM scratch\n',
        settings: allow('ghcr.io/acme'),
      },
    ],
    invalid: [
      {
        name: 'Docker Hub image when only a private registry is allowed',
        code: 'FROM node:20\n',
        settings: allow('registry.example.com'),
        findings: [
          { line: 1, column: 6, severity: 'high', message: /docker.io\/library\/node, which is not under an allowed registry/ },
        ],
      },
      {
        name: 'prefix at a path boundary only',
        code: 'FROM ghcr.io/acmecorp/api:1\n',
        settings: allow('ghcr.io/acme'),
        findings: [{ line: 1 }],
      },
      {
        name: 'ARG-substituted registry',
        code: 'ARG REGISTRY=quay.io\nFROM ${REGISTRY}/team/app:1\n',
        settings: allow('ghcr.io/acme'),
        findings: [{ line: 2, message: /quay.io\/team\/app/ }],
      },
    ],
  });
});
