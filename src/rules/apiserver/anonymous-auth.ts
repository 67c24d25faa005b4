import { boolFlag, reportFlag, strayNote } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { planeOf } from '../../model/control-plane/index.js';
import { asObject } from '../../model/k8s.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/anonymous-auth',
    description: 'Require the API server to reject anonymous requests (--anonymous-auth=false)',
    rationale:
      'With anonymous authentication on (the default), every request without credentials is served as system:anonymous. One RBAC binding to system:anonymous or system:unauthenticated, added by a chart or by mistake, opens that access to anyone who can reach the API server, and the discovery and version endpoints already tell an attacker what to exploit.',
    severity: 'medium',
    threats: ['control-plane-exposure'],
    references: ['CIS Kubernetes 1.2.1', 'NSA/CISA Kubernetes Hardening: authentication'],
    remediation:
      'Add `--anonymous-auth=false` to the kube-apiserver command. Health checks that relied on anonymous access can use a client certificate, or (Kubernetes 1.32+) an AuthenticationConfiguration whose `anonymous` section allows only /livez, /readyz and /healthz.',
    related: [{ tool: 'kube-bench', id: '1.2.1' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--authorization-mode=Node,RBAC']),
        good: podExample('kube-apiserver', ['--anonymous-auth=false', '--authorization-mode=Node,RBAC']),
      },
    ],
  },
  check(apiserver, context) {
    const flag = boolFlag(apiserver, 'anonymous-auth', true);
    if (flag.occurrence) {
      if (flag.invalid !== undefined) {
        reportFlag(
          context,
          apiserver,
          'anonymous-auth',
          `${apiserver.label} sets --anonymous-auth="${flag.invalid}", which is not a boolean: the API server refuses to start.`,
        );
      } else if (flag.value) {
        reportFlag(
          context,
          apiserver,
          'anonymous-auth',
          `${apiserver.label} allows anonymous requests (--anonymous-auth is true): any request without credentials is served as system:anonymous.${strayNote(flag.occurrence)}`,
        );
      }
      return;
    }
    // Structured authentication (1.32+) configures anonymous access in its own file.
    const configPath = apiserver.flags.value('authentication-config');
    if (configPath !== undefined) {
      const authn = planeOf(apiserver)?.fileAt('AuthenticationConfiguration', configPath);
      const anonymous = asObject(authn?.get(['anonymous']));
      if (!authn || !anonymous) return;
      const conditions = Array.isArray(anonymous.conditions) ? anonymous.conditions : [];
      if (anonymous.enabled !== true || conditions.length > 0) return;
      context.report({
        ...at({ on: authn, path: ['anonymous', 'enabled'] }),
        message: `The AuthenticationConfiguration of ${apiserver.label} enables anonymous access on every path: add conditions that limit it to /livez, /readyz and /healthz, or turn it off.`,
      });
      return;
    }
    reportFlag(
      context,
      apiserver,
      'anonymous-auth',
      `${apiserver.label} does not set --anonymous-auth, which defaults to true: requests without credentials are served as system:anonymous.`,
    );
  },
});
