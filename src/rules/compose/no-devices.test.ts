import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-devices.js';

describe('compose/no-devices', () => {
  testRule(rule, {
    valid: [{ name: 'none', code: 'services:\n  web:\n    image: app:1.0\n' }],
    invalid: [
      {
        name: 'disk',
        code: 'services:\n  web:\n    image: app:1.0\n    devices:\n      - /dev/sda:/dev/xvda:rwm\n',
        findings: [{ line: 5, column: 9, severity: 'high' }],
      },
      {
        name: 'serial port',
        code: 'services:\n  web:\n    image: app:1.0\n    devices: ["/dev/ttyUSB0:/dev/ttyUSB0"]\n',
        findings: [{ line: 4, severity: 'medium' }],
      },
    ],
  });
});
