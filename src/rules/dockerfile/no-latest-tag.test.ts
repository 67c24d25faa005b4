import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-latest-tag.js';

describe('dockerfile/no-latest-tag', () => {
  testRule(rule, {
    valid: [
      { name: 'tagged', code: 'FROM node:20.12-alpine\n' },
      { name: 'digest only', code: `FROM node@sha256:${'a'.repeat(64)}\n` },
      { name: 'latest tag pinned by digest', code: `FROM node:latest@sha256:${'b'.repeat(64)}\n` },
      { name: 'scratch', code: 'FROM scratch\nCOPY app /app\n' },
      { name: 'earlier stage', code: 'FROM golang:1.22 AS build\nRUN go build\nFROM build\n' },
      { name: 'ARG default with a tag', code: 'ARG BASE=debian:12-slim\nFROM ${BASE}\n' },
      { name: 'build argument without default (unknown)', code: 'ARG BASE\nFROM ${BASE}\n' },
      { name: 'registry with a port and a tag', code: 'FROM registry.local:5000/team/app:1.2\n' },
    ],
    invalid: [
      {
        name: 'no tag',
        code: 'FROM ubuntu\n',
        findings: [{ line: 1, column: 6, message: /"ubuntu" of stage #1 has no tag/ }],
      },
      {
        name: ':latest, in the second stage of a multi-stage build',
        code: 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM alpine:latest\nCOPY --from=build /app /app\n',
        findings: [{ line: 3, message: /"alpine:latest" of stage #2 uses the ":latest" tag/ }],
      },
      {
        name: 'ARG substitution resolves to an untagged image',
        code: 'ARG IMAGE=python\nFROM $IMAGE AS app\n',
        findings: [
          {
            line: 2,
            message: /"python" of stage "app" has no tag, so it is ":latest" \(from the default of build argument IMAGE;/,
          },
        ],
      },
      {
        name: 'the latest tag comes from an ARG default',
        code: 'ARG BASE_VERSION=latest\nARG REGISTRY=registry.example.com/release\nFROM ${REGISTRY}/base:${BASE_VERSION} AS debug\n',
        findings: [{ line: 3, message: /uses the ":latest" tag \(from the default of build argument BASE_VERSION;/ }],
      },
      {
        name: 'a literal latest tag is not blamed on the registry argument',
        code: 'ARG REGISTRY=registry.example.com\nFROM ${REGISTRY}/base:latest\n',
        findings: [{ line: 2, message: /uses the ":latest" tag: each build/ }],
      },
      {
        name: 'registry with a port, no tag',
        code: 'FROM registry.local:5000/team/app\n',
        findings: [{ line: 1 }],
      },
    ],
  });
});
