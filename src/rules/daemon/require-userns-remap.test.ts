import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-userns-remap.js';

describe('daemon/require-userns-remap', () => {
  testRule(rule, {
    valid: [{ name: 'flag', code: '[Service]\nExecStart=/usr/bin/dockerd --userns-remap=default\n', filename: 'docker.service' }],
    invalid: [
      { name: 'missing', code: '{ "icc": false }\n', findings: [{ line: 1, severity: 'medium' }] },
      { name: 'empty', code: '{ "userns-remap": "" }\n', findings: [{ line: 1, path: '/userns-remap' }] },
    ],
  });
});
