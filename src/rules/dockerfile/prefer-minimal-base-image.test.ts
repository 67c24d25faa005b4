import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './prefer-minimal-base-image.js';

describe('dockerfile/prefer-minimal-base-image', () => {
  testRule(rule, {
    valid: [
      { name: 'slim variant', code: 'FROM node:20-slim\n' },
      { name: 'alpine variant', code: 'FROM python:3.12-alpine3.20\n' },
      { name: 'JRE', code: 'FROM eclipse-temurin:21-jre\n' },
      { name: 'distroless', code: 'FROM gcr.io/distroless/static-debian12\n' },
      {
        name: 'full image in a build stage only',
        code: 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\n',
      },
      { name: 'an image this rule does not know', code: 'FROM nginx:1.27\n' },
      { name: 'a private image with a known name', code: 'FROM registry.example.com/python:3.12\n' },
    ],
    invalid: [
      {
        name: 'full python',
        code: 'FROM python:3.12\n',
        findings: [{ line: 1, severity: 'info', message: /"python:3.12".*-slim/ }],
      },
      {
        name: 'golang in the final stage',
        code: 'FROM golang:1.22\nRUN go build -o /app\nCMD ["/app"]\n',
        findings: [{ line: 1, message: /distroless\/static/ }],
      },
      {
        name: 'the final stage inherits a full image from an earlier stage',
        code: 'FROM node:20 AS base\nWORKDIR /app\nFROM base AS final\nCMD ["node", "server.js"]\n',
        findings: [{ line: 1, message: /"node:20"/ }],
      },
      { name: 'JDK', code: 'FROM eclipse-temurin:21-jdk\n', findings: [{ line: 1, message: /-jre/ }] },
    ],
  });
});
