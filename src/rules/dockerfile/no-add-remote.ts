import { defineRule } from '../types.js';
import { copySources } from './_add.js';
import { Keys } from './_helpers.js';

const COMMIT = /#[0-9a-f]{40}$/i;

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-add-remote',
    description: 'Disallow ADD of remote URLs and git repositories without a checksum or a pinned commit',
    rationale:
      "ADD with a URL downloads whatever the server returns at build time into the image, with no integrity check: a compromised or hijacked server, a DNS takeover or a moved git branch puts an attacker's files into your image. Nothing in the repository changes when that happens.",
    severity: 'high',
    threats: ['malicious-payload', 'poisoned-registry'],
    references: ['hadolint DL3020', 'CIS Docker 4.9', 'CIS Docker 4.11', 'Docker docs: ADD --checksum'],
    remediation:
      'Verify what is downloaded: `ADD --checksum=sha256:<digest> https://... /dest`, or download in a RUN and check it (`curl -fsSLo f.tgz URL && echo "<sha256>  f.tgz" | sha256sum -c -`). For git sources, pin a full commit: `ADD https://github.com/org/repo.git#<40-hex-commit> /src`.',
    related: [{ tool: 'hadolint', id: 'DL3020' }],
    examples: [
      {
        bad: 'FROM alpine:3.20\nADD https://example.com/tool.tar.gz /opt/\n',
        good: `FROM alpine:3.20\nADD --checksum=sha256:${'a'.repeat(64)} https://example.com/tool.tar.gz /opt/\n`,
      },
    ],
  },
  check(document, context) {
    const keys = new Keys();
    for (const instruction of document.instructions) {
      if (instruction.keyword !== 'ADD') continue;
      const checksum = instruction.flag('checksum')?.value;
      for (const source of copySources(instruction)) {
        if (source.kind === 'url' && checksum === undefined) {
          context.report({
            message: `ADD downloads "${source.text}" at build time without --checksum: whatever that server returns goes into the image unverified.`,
            range: source.word.range,
            key: keys.of(instruction.stage, source.text),
          });
        } else if (source.kind === 'git' && !COMMIT.test(source.text) && checksum === undefined) {
          context.report({
            message: `ADD clones "${source.text}" at a branch or tag, which can move; pin a full commit (#<sha>) so the image has the code you reviewed.`,
            range: source.word.range,
            key: keys.of(instruction.stage, source.text),
          });
        }
      }
    }
  },
});
