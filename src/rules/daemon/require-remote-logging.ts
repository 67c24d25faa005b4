import { defineRule } from '../types.js';
import { reportMissing, reportSetting } from './_helpers.js';

const LOCAL = new Set(['json-file', 'local', 'none']);

export default defineRule({
  target: 'daemon',
  meta: {
    id: 'daemon/require-remote-logging',
    description: 'Require container logs to go to a central logging driver',
    rationale:
      'With the default json-file (or local) driver, container logs stay on the host, rotate away and are in reach of whoever compromises the host: evidence disappears. A central driver ships them off the host as they are written.',
    severity: 'low',
    threats: ['undetected-activity'],
    references: ['CIS Docker 2.13'],
    remediation:
      'Set a central driver: `"log-driver": "syslog"` / `journald` (forwarded centrally) / `fluentd` / `gelf` / `awslogs` / `gcplogs` / `splunk`, with its `log-opts`.',
    related: [{ tool: 'docker-bench', id: '2.13' }],
    examples: [
      {
        bad: '{ "log-driver": "json-file" }\n',
        good: '{ "log-driver": "fluentd", "log-opts": { "fluentd-address": "logs.internal:24224" } }\n',
      },
    ],
  },
  check(config, context) {
    const setting = config.get('log-driver');
    const driver = typeof setting?.value === 'string' ? setting.value : 'json-file';
    if (!LOCAL.has(driver)) return;
    const message =
      driver === 'none'
        ? 'The default logging driver is "none": container output is discarded.'
        : `Container logs stay on the host (log driver "${driver}"${setting ? '' : ', the default'}): they rotate away and can be erased by whoever compromises the host.`;
    if (setting) reportSetting(context, setting, message, 'log-driver', driver === 'none' ? 'medium' : undefined);
    else reportMissing(context, config, message, 'log-driver');
  },
});
