import { KEY_LENGTHS } from '../../model/control-plane/encryption.js';
import { encryptionExample, SECRETBOX_PROVIDERS } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'encryption',
  meta: {
    id: 'encryption/key-invalid',
    description:
      'Require every key to be standard base64 of the length its provider needs (aescbc, aesgcm: 16, 24 or 32 bytes; secretbox: 32)',
    rationale:
      'The API server decodes each key with standard base64 and refuses keys of the wrong size, so a bad key stops it from starting. The usual causes are URL-safe base64, a missing padding character, a hex string pasted as the key, or a newline encoded into it by `echo` without `-n`.',
    severity: 'high',
    threats: ['secret-theft', 'resource-starvation'],
    references: ['CIS Kubernetes 1.2.28', 'Kubernetes docs: Encrypting Confidential Data at Rest'],
    remediation:
      'Generate the key with `head -c 32 /dev/urandom | base64` (or `greenbelt encryption init`), and paste it without line breaks.',
    related: [{ tool: 'kube-bench', id: '1.2.28' }],
    examples: [
      {
        bad: encryptionExample(
          ['secrets'],
          '      - secretbox:\n          keys:\n            - name: key1\n              secret: c2VjcmV0LWtleQ==\n',
        ),
        good: encryptionExample(['secrets'], SECRETBOX_PROVIDERS),
      },
    ],
  },
  check(config, context) {
    for (const key of config.keys) {
      const type = key.provider.type;
      if (type !== 'aescbc' && type !== 'aesgcm' && type !== 'secretbox') continue;
      const path = [...key.path, 'secret'];
      const label = `Key "${key.name}" of the ${type} provider`;
      if (key.secret === '') {
        context.report({ path, message: `${label} has no secret.` });
        continue;
      }
      if (!key.decoded) {
        const hint = /[-_]/.test(key.secret)
          ? ' (it looks like URL-safe base64; use + and /)'
          : /^[0-9a-fA-F]+$/.test(key.secret)
            ? ' (it looks like hex)'
            : '';
        context.report({ path, message: `${label} is not valid standard base64${hint}: the API server refuses to start.` });
        continue;
      }
      const lengths = KEY_LENGTHS[type];
      const length = key.decoded.length;
      if (lengths.includes(length)) continue;
      const newline =
        key.decoded[length - 1] === 0x0a && lengths.includes(length - 1)
          ? ' It ends with a newline: it was probably made with echo without -n.'
          : '';
      context.report({
        path,
        message: `${label} decodes to ${length} bytes; ${type} needs ${lengths.join(', ')}: the API server refuses to start.${newline}`,
      });
    }
  },
});
