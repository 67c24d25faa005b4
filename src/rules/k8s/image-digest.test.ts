import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './image-digest.js';

const pod = (image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: ${image}
`;

describe('k8s/image-digest', () => {
  testRule(rule, {
    valid: [
      {
        name: 'tag and digest',
        code: pod('nginx:1.27.3@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'),
      },
      { name: 'templated', code: pod('"$IMAGE"') },
    ],
    invalid: [
      {
        name: 'version tag only',
        code: pod('nginx:1.27.3'),
        findings: [{ line: 8, severity: 'info', path: '/spec/containers/0/image', message: /not pinned by digest/ }],
      },
    ],
  });
});
