/**
 * CI pipeline files (GitHub Actions workflows and composite actions, GitLab CI, CircleCI,
 * Bitbucket Pipelines, Azure Pipelines, Drone, Woodpecker, Travis): the shell scripts in their
 * `run:`, `script:`, `commands:` ... values are parsed like any script, and every `docker run` in
 * them becomes a document. Each script line is found again in the YAML source so that findings
 * point at the line of the command, also inside `|` block scalars.
 */
import type { SourceText } from '../core/source.js';
import { dockerRunCommands } from '../model/docker-run.js';
import { asObject, isObject } from '../model/k8s.js';
import { analyseShell } from '../model/shell.js';
import type { SourceDocument } from './handler.js';
import { type MappedText, MappedTextBuilder } from './mapped-text.js';
import type { Path, YamlDocument } from './yaml.js';

const SCRIPT_KEYS = new Set([
  'run',
  'script',
  'scripts',
  'before_script',
  'after_script',
  'command',
  'commands',
  'cmd',
  'bash',
  'sh',
  'install',
  'before_install',
  'after_success',
  'before_deploy',
  'deploy_script',
  'inlineScript',
]);

/** Shells that are not POSIX: their `run:` blocks are not parsed as sh. */
const NON_POSIX_SHELL = /^(pwsh|powershell|cmd|python|node)\b/i;

export function isCiPath(path: string): boolean {
  const p = path.replace(/\\/g, '/');
  return (
    /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(p) ||
    /(^|\/)action\.ya?ml$/i.test(p) ||
    /(^|\/|\.)gitlab-ci\.ya?ml$/i.test(p) ||
    /(^|\/)\.circleci\/config\.ya?ml$/i.test(p) ||
    /(^|\/)bitbucket-pipelines\.ya?ml$/i.test(p) ||
    /(^|\/)azure-pipelines[^/]*\.ya?ml$/i.test(p) ||
    /(^|\/)\.(drone|travis|woodpecker)\.ya?ml$/i.test(p) ||
    /(^|\/)\.woodpecker\/[^/]+\.ya?ml$/i.test(p)
  );
}

/** Whether a document has the shape of a GitHub workflow or a GitLab pipeline. */
function looksLikeCi(value: unknown): boolean {
  if (!isObject(value)) return false;
  const jobs = asObject(value.jobs);
  if (
    jobs &&
    ('on' in value || 'true' in value) &&
    Object.values(jobs).some((j) => isObject(j) && ('steps' in j || 'runs-on' in j))
  )
    return true;
  if ('stages' in value && Object.values(value).some((j) => isObject(j) && 'script' in j)) return true;
  return false;
}

interface Script {
  text: string;
  path: Path;
}

function collectScripts(value: unknown, path: Path, out: Script[], inScriptKey: boolean, shell: string | undefined): void {
  if (typeof value === 'string') {
    if (inScriptKey && !(shell && NON_POSIX_SHELL.test(shell))) out.push({ text: value, path });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      collectScripts(item, [...path, index], out, inScriptKey, shell);
    });
    return;
  }
  if (!isObject(value)) return;
  const ownShell = typeof value.shell === 'string' ? value.shell : shell;
  for (const [key, child] of Object.entries(value)) {
    collectScripts(child, [...path, key], out, SCRIPT_KEYS.has(key), key === 'defaults' ? undefined : ownShell);
  }
}

/** Finds each line of a YAML string value in the source, for positions inside block scalars. */
function mapScript(script: Script, document: YamlDocument): MappedText {
  const source = document.source.text;
  const [start, end] = document.locate(script.path);
  const builder = new MappedTextBuilder();
  let cursor = start;
  const lines = script.text.split('\n');
  lines.forEach((line, index) => {
    if (index > 0) builder.addStandIn('\n', [cursor, cursor]);
    const found = line.trim() === '' ? -1 : source.indexOf(line, cursor);
    if (found !== -1 && found + line.length <= end) {
      builder.add(line, found);
      cursor = found + line.length;
    } else {
      builder.addStandIn(line, [cursor, Math.min(end, cursor + 1)]);
    }
  });
  return builder.build();
}

/** The YAML classifier: the docker run commands of a CI file (an empty list when it has none). */
export function classifyCi(document: YamlDocument, source: SourceText): readonly SourceDocument[] | undefined {
  if (!isCiPath(source.path) && !looksLikeCi(document.value)) return undefined;
  const scripts: Script[] = [];
  collectScripts(document.value, [], scripts, false, undefined);
  const out: SourceDocument[] = [];
  for (const script of scripts) {
    if (!/\b(docker|podman|nerdctl)\b/.test(script.text)) continue;
    const mapped = mapScript(script, document);
    const analysis = analyseShell(mapped.text);
    out.push(...dockerRunCommands(source, analysis.commands, (range) => mapped.sourceRange(range)));
  }
  return out;
}
