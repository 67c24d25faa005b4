/**
 * The Dockerfile handler: claims `Dockerfile`, `Containerfile`, `*.Dockerfile`, `*.dockerfile`,
 * `Dockerfile.*`, `Dockerfile-*` and `Containerfile.*` by name (not `Dockerfile.dockerignore` or
 * templates), recognises other Dockerfiles by content, parses them into a `DockerfileDocument`
 * and reads the build context beside them: the `.dockerignore` that applies and, when the
 * Dockerfile copies the whole context, the credential files a bounded walk finds in it.
 */
import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { sensitiveFileKind } from '../analyzers/secrets.js';
import type { ScanError } from '../core/finding.js';
import { type BuildContext, DockerfileDocument } from '../model/dockerfile.js';
import { isExcluded, parseDockerignore } from '../model/dockerignore.js';
import type { HandlerContext, HandlerResult, SourceHandler } from './handler.js';

const NOT_A_DOCKERFILE =
  /\.(dockerignore|md|markdown|rst|txt|json|ya?ml|toml|ini|cfg|conf|sh|bash|ps1|py|bak|orig|rej|patch|diff|swp|lock|sum|html?|xml|template|tmpl|tpl|j2|jinja2?|erb|mustache|hbs|gotmpl|in)$/i;

export function isDockerfileName(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower === 'dockerfile' || lower === 'containerfile') return true;
  if (NOT_A_DOCKERFILE.test(lower)) return false;
  if (/\.(dockerfile|containerfile)$/.test(lower)) return true;
  return /^(dockerfile|containerfile)[.-]./.test(lower);
}

/** Whether the head of a file reads like a Dockerfile: its first instruction is FROM (or ARG, then FROM). */
export function looksLikeDockerfile(head: string): boolean {
  let continued = false;
  for (const rawLine of head.replace(/^\uFEFF/, '').split('\n')) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const wasContinued = continued;
    continued = /\\$/.test(line);
    if (wasContinued) continue;
    const keyword = /^([A-Za-z]+)(\s|$)/.exec(line)?.[1]?.toUpperCase();
    if (keyword === 'FROM') return /^FROM\s+\S/i.test(line);
    if (keyword === 'ARG' && /^ARG\s+[A-Za-z_]/i.test(line)) continue;
    return false;
  }
  return false;
}

/** Sources that copy the whole build context (`COPY . .`, `ADD ./ /app`, `COPY * ./`). */
export const WHOLE_CONTEXT = new Set(['.', './', '*', './*', '/', '.*']);

function copiesWholeContext(document: DockerfileDocument): boolean {
  return document.instructions.some(
    (i) =>
      (i.keyword === 'COPY' || i.keyword === 'ADD') &&
      i.flag('from') === undefined &&
      (i.json ?? i.words).slice(0, -1).some((w) => WHOLE_CONTEXT.has(w.expanded ?? w.value)),
  );
}

const WALK_LIMIT = 20_000;
const WALK_DEPTH = 8;
const EXAMPLE_ENV = /(^|\/)\.env\.(example|sample|template|dist|defaults?|schema)$/i;

/** Reads what the build context beside a Dockerfile holds. Undefined when the directory cannot be read. */
export function readBuildContext(dockerfile: string, walk: boolean): BuildContext | undefined {
  const directory = dirname(dockerfile);
  try {
    if (!statSync(directory).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  let ignoreFile: BuildContext['ignoreFile'];
  for (const name of [`${basename(dockerfile)}.dockerignore`, '.dockerignore']) {
    const path = join(directory, name);
    // Most Dockerfiles have no ignore file of their own name: ask without making an error to catch.
    if (statSync(path, { throwIfNoEntry: false }) === undefined) continue;
    try {
      const text = readFileSync(path, 'utf8');
      ignoreFile = { name, patterns: parseDockerignore(text) };
      break;
    } catch {
      // not there
    }
  }
  const context: BuildContext = { directory, ignoreFile, sensitiveFiles: [], gitDirectory: false };
  if (!walk) return context;
  const patterns = ignoreFile?.patterns ?? [];
  let seen = 0;
  const visit = (relative: string, depth: number) => {
    if (depth > WALK_DEPTH || seen > WALK_LIMIT) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(join(directory, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (++seen > WALK_LIMIT) return;
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (isExcluded(patterns, path)) continue;
      if (entry.isDirectory()) {
        if (entry.name === '.git') {
          context.gitDirectory = true;
          continue;
        }
        if (entry.name === 'node_modules') continue;
        const kind = sensitiveFileKind(`${path}/`);
        if (kind && /SSH directory|AWS credentials/.test(kind)) context.sensitiveFiles.push({ path: `${path}/`, kind });
        else visit(path, depth + 1);
      } else if (entry.isFile()) {
        const kind = sensitiveFileKind(path);
        if (kind && !EXAMPLE_ENV.test(path)) context.sensitiveFiles.push({ path, kind });
      }
    }
  };
  visit('', 0);
  return context;
}

/** Placeholders of the template languages Dockerfiles are generated with (jq, Go, Jinja, ERB). */
const TEMPLATE_MARKERS = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|<%[\s\S]*?%>/;

export const dockerfileHandler: SourceHandler = {
  name: 'dockerfile',
  claims: (name) => isDockerfileName(name),
  sniffs: (name) => !name.includes('.') || /^(dockerfile|containerfile)/i.test(name),
  sniff: (head) => looksLikeDockerfile(head),
  parse(source, context: HandlerContext): HandlerResult {
    const document = new DockerfileDocument(source);
    if (document.problems.length > 0 && TEMPLATE_MARKERS.test(source.text)) {
      // docker-library keeps jq templates under Dockerfile names; Go, Jinja and ERB templates are common too.
      return {
        documents: [],
        errors: [],
        skipReason: 'a template for a Dockerfile (has {{ }} or {% %} placeholders), not a Dockerfile',
      };
    }
    const errors: ScanError[] = document.problems.map((problem) => {
      const at = source.positionAt(problem.offset);
      return { file: source.path, line: at.line, column: at.column, message: `Dockerfile: ${problem.message}` };
    });
    if (context.absolute !== undefined) document.context = readBuildContext(context.absolute, copiesWholeContext(document));
    if (document.stages.length === 0 && document.instructions.length > 0 && errors.length === 0) {
      errors.push({ file: source.path, line: 1, column: 1, message: 'Dockerfile: no FROM instruction (no build stage)' });
    }
    if (document.instructions.length === 0) {
      return { documents: [], errors, skipReason: 'Dockerfile with no instructions' };
    }
    return { documents: [document], errors };
  },
};
