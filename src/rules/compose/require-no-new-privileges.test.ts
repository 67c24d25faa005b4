import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './require-no-new-privileges.js';

describe('compose/require-no-new-privileges', () => {
  testRule(rule, {
    valid: [
      { name: 'equals form', code: 'services:\n  web:\n    image: app:1.0\n    security_opt: ["no-new-privileges=true"]\n' },
      { name: 'bare flag', code: 'services:\n  web:\n    image: app:1.0\n    security_opt: [no-new-privileges]\n' },
    ],
    invalid: [
      {
        name: 'missing',
        code: 'services:\n  web:\n    image: app:1.0\n',
        findings: [{ line: 2, column: 3, severity: 'medium' }],
      },
      {
        name: 'set to false',
        code: 'services:\n  web:\n    image: app:1.0\n    security_opt: ["no-new-privileges:false"]\n',
        findings: [{ line: 2 }],
      },
    ],
  });
});
