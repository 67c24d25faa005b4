import { defineRule } from '../types.js';
import { copySources, TAR_ARCHIVE } from './_add.js';
import { Keys } from './_helpers.js';

export default defineRule({
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-add',
    description: 'Disallow ADD for local files where COPY would do',
    rationale:
      'ADD does more than copy: it unpacks local tar archives (gzip, bzip2, xz) into the image and fetches URLs. A reviewer reading `ADD` cannot tell whether files are copied or an archive is expanded (with whatever paths and permissions it holds), so COPY, which only copies, keeps the build explicit.',
    severity: 'low',
    threats: ['malicious-payload'],
    references: ['hadolint DL3020', 'CIS Docker 4.9', 'Docker docs: Building best practices, "ADD or COPY"'],
    remediation:
      'Use `COPY` for files and directories. For an archive, `COPY` it and extract it explicitly in a `RUN` (in a build stage) so the extraction is visible, or keep `ADD` deliberately and suppress this finding with a reason.',
    related: [
      { tool: 'hadolint', id: 'DL3020' },
      { tool: 'trivy', id: 'DS005' },
      { tool: 'checkov', id: 'CKV_DOCKER_4' },
    ],
    examples: [
      {
        bad: 'FROM alpine:3.20\nADD app.py /app/\n',
        good: 'FROM alpine:3.20\nCOPY app.py /app/\n',
      },
    ],
  },
  check(document, context) {
    const keys = new Keys();
    for (const instruction of document.instructions) {
      if (instruction.keyword !== 'ADD') continue;
      const local = copySources(instruction).filter((s) => s.kind === 'local');
      if (local.length === 0) continue;
      const archives = local.filter((s) => TAR_ARCHIVE.test(s.text));
      const names = local.map((s) => s.text).join(', ');
      context.report({
        message:
          archives.length > 0
            ? `ADD unpacks the local archive ${archives.map((s) => `"${s.text}"`).join(', ')} into the image implicitly; use COPY and extract it explicitly so the unpacking is visible.`
            : `ADD is used to copy local files (${names}); COPY does the same without ADD's implicit archive extraction and URL fetching.`,
        range: instruction.keywordRange,
        key: keys.of(instruction.stage, instruction.argsText),
      });
    }
  },
});
