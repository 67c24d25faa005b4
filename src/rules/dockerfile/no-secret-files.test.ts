import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-secret-files.js';

describe('dockerfile/no-secret-files', () => {
  testRule(rule, {
    valid: [
      { name: 'ordinary files', code: 'FROM alpine:3.20\nCOPY package.json src/ /app/\n' },
      { name: 'example env file', code: 'FROM alpine:3.20\nCOPY .env.example /app/\n' },
      {
        name: 'certificates and public keys',
        code: 'FROM alpine:3.20\nCOPY certs/ca.pem certs/cert-chain.pem keys/sample-RSA-public.pem /etc/app/\n',
      },
      { name: 'secret mount', code: 'FROM alpine:3.20\nRUN --mount=type=secret,id=key,target=/root/.ssh/id_rsa git clone x\n' },
    ],
    invalid: [
      {
        name: '.env into the final image',
        code: 'FROM node:20-slim\nWORKDIR /app\nCOPY .env ./\n',
        findings: [
          { line: 3, column: 6, severity: 'high', message: /"\.env" \(dotenv file\) into the final image at \/app\/\.env/ },
        ],
      },
      {
        name: 'private keys and cloud credentials',
        code: 'FROM alpine:3.20\nCOPY id_rsa /root/.ssh/id_rsa\nADD certs/server.key gcp-key.json /etc/app/\n',
        findings: [
          { line: 2, message: /SSH private key/ },
          { line: 3, message: /key or certificate store/ },
          { line: 3, message: /cloud service account key/ },
        ],
      },
      {
        name: 'build stage only: low',
        code: 'FROM node:20 AS build\nCOPY .npmrc /root/.npmrc\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /src/dist /app\n',
        findings: [{ line: 2, severity: 'low', message: /build stage "build"/ }],
      },
      {
        name: 'carried into the final image by COPY --from',
        code: 'FROM node:20 AS build\nWORKDIR /src\nCOPY .npmrc ./\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /src /app\n',
        findings: [
          { line: 3, severity: 'low' },
          { line: 6, severity: 'high', message: /carries "\.npmrc" .* at \/src\/\.npmrc/ },
        ],
      },
      {
        name: 'the final stage is built on the stage with the secret',
        code: 'FROM node:20 AS base\nCOPY .env /app/.env\nFROM base\nCMD ["node"]\n',
        findings: [{ line: 2, severity: 'high' }],
      },
    ],
  });
});
