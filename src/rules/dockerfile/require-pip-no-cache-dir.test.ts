import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-pip-no-cache-dir.js';

describe('dockerfile/require-pip-no-cache-dir', () => {
  testRule(rule, {
    valid: [
      { name: 'flag', code: 'FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.3\n' },
      { name: 'environment variable', code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask==3.0.3\n' },
      {
        name: 'cache mount',
        code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask==3.0.3\n',
      },
      { name: 'build stage only', code: 'FROM python:3.12 AS build\nRUN pip wheel . && pip install x\nFROM python:3.12-slim\n' },
    ],
    invalid: [
      {
        name: 'pip install',
        code: 'FROM python:3.12\nRUN pip install -r requirements.txt\n',
        findings: [{ line: 2, column: 5, severity: 'low' }],
      },
      {
        name: 'pip3 and python -m pip',
        code: 'FROM python:3.12\nRUN pip3 install x==1 && python -m pip install y==2\n',
        findings: [{ line: 2 }, { line: 2 }],
      },
    ],
  });
});
