/**
 * Helpers shared by the Dockerfile rules: walking the commands of every RUN, pointing a finding at
 * a command or an instruction, and fingerprint keys that survive lines moving.
 */
import { type PackageCommand, packageCommand } from '../../analyzers/package-managers.js';
import type { OffsetRange } from '../../core/source.js';
import type { DockerfileDocument, Instruction, RunScript, Stage } from '../../model/dockerfile.js';
import type { ShellCommand } from '../../model/shell.js';

export interface RunCommandSite {
  document: DockerfileDocument;
  stage: Stage;
  instruction: Instruction;
  run: RunScript;
  command: ShellCommand;
  /** The package manager reading of the command, once computed (null: not a package manager). */
  package?: PackageCommand | null;
}

/** Every command every RUN of the Dockerfile executes (POSIX shell scripts and exec form), computed once. */
export function runCommands(document: DockerfileDocument, stages?: ReadonlySet<Stage>): readonly RunCommandSite[] {
  let sites = document.memo.get('run-commands') as RunCommandSite[] | undefined;
  if (!sites) {
    sites = [];
    for (const stage of document.stages) {
      for (const instruction of stage.instructions) {
        const run = instruction.run;
        if (!run) continue;
        for (const command of run.commands) sites.push({ document, stage, instruction, run, command });
      }
    }
    document.memo.set('run-commands', sites);
  }
  return stages ? sites.filter((s) => stages.has(s.stage)) : sites;
}

/** The package manager command a site runs, if any (read once per command for every rule). */
export function sitePackage(site: RunCommandSite): PackageCommand | undefined {
  if (site.package === undefined) site.package = commandPackage(site.document, site.command) ?? null;
  return site.package ?? undefined;
}

/** The package manager command a command of a RUN of the document runs, if any (read once per command for every rule). */
export function commandPackage(document: DockerfileDocument, command: ShellCommand): PackageCommand | undefined {
  let read = document.memo.get('command-packages') as Map<ShellCommand, PackageCommand | null> | undefined;
  if (!read) {
    read = new Map();
    document.memo.set('command-packages', read);
  }
  let pkg = read.get(command);
  if (pkg === undefined) {
    pkg = packageCommand(command) ?? null;
    read.set(command, pkg);
  }
  return pkg ?? undefined;
}

/** The source range of a command of a RUN. */
export function commandRange(site: { run: RunScript; command: ShellCommand }): OffsetRange {
  return scriptRange(site.run, site.command.range);
}

/**
 * The source range of a range of a RUN's script, without the blanks that end it: the shell
 * parser's ranges run up to the next operator, so `apk upgrade \<newline>  && ...` would otherwise
 * end on the next line, after the line continuation.
 */
export function scriptRange(run: RunScript, range: readonly [number, number]): OffsetRange {
  const text = run.script.text;
  let end = Math.min(range[1], text.length);
  while (end > range[0] && /\s/.test(text[end - 1] ?? '')) end--;
  return run.sourceRange([range[0], end]);
}

/**
 * Fingerprint keys from content, not position: the same text in the same stage gets `#2`, `#3`.
 * A finding keeps its fingerprint when lines are added above it.
 */
export class Keys {
  readonly #seen = new Map<string, number>();

  of(stage: Stage | undefined, text: string): string {
    const base = `${stage ? stage.label : 'global'}|${text.replace(/\s+/g, ' ').trim().slice(0, 200)}`;
    const count = (this.#seen.get(base) ?? 0) + 1;
    this.#seen.set(base, count);
    return count === 1 ? base : `${base}#${count}`;
  }
}

/** The text of a command for messages: `apt-get install -y curl` (shortened). */
export function commandText(command: ShellCommand, max = 80): string {
  const text = command.words.map((w) => w.value ?? w.text).join(' ');
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** Whether the shell script of a RUN (its commands) includes a command with this program. */
export function runsProgram(run: RunScript, programs: readonly string[]): boolean {
  return run.commands.some((c) => c.program !== undefined && programs.includes(c.program));
}

/** A stage's image description for messages: `"node:20"` or `stage "builder"`. */
export function baseDescription(stage: Stage): string {
  switch (stage.base.kind) {
    case 'image':
      return `"${stage.base.ref.raw}"`;
    case 'stage':
      return `stage ${stage.base.stage.label}`;
    case 'scratch':
      return 'scratch';
    default:
      return `"${stage.image?.value ?? ''}"`;
  }
}

/** The effective CMD and ENTRYPOINT of a stage: the last of each in its lineage. */
export function startCommand(stage: Stage): { cmd: Instruction | undefined; entrypoint: Instruction | undefined } {
  const oldestFirst = [...stage.lineage].reverse();
  return {
    cmd: oldestFirst.flatMap((s) => s.all('CMD')).pop(),
    entrypoint: oldestFirst.flatMap((s) => s.all('ENTRYPOINT')).pop(),
  };
}

/** The argument vector of a CMD or ENTRYPOINT (exec form strings, or the words of the shell form). */
export function argv(instruction: Instruction | undefined): string[] {
  if (!instruction) return [];
  return (instruction.json ?? instruction.words).map((w) => w.expanded ?? w.value);
}

/** `/usr/local/bin/docker-entrypoint.sh` is `docker-entrypoint.sh`; `C:\\x\\cmd.exe` is `cmd.exe`. */
export function programName(path: string | undefined): string {
  return (path ?? '').split(/[\\/]/).pop()?.toLowerCase() ?? '';
}

/**
 * ENTRYPOINTs that hand over to CMD: entrypoint scripts (`docker-entrypoint.sh "$@"`) and init
 * wrappers (`tini --`, `dumb-init --`). What the container does is then CMD's program.
 */
export function isHandOverEntrypoint(entrypoint: readonly string[]): boolean {
  const program = programName(entrypoint[0]);
  return /entrypoint/.test(program) || ['tini', 'tini-static', 'dumb-init', 'catatonit'].includes(program);
}

/**
 * The stages whose files can reach the final image: the final stage and the stages it is built on,
 * and (transitively) every stage they `COPY --from`. File modes set anywhere else (a chmod in a
 * build stage whose output is never copied) cannot end up in the image.
 */
export function stagesReachingFinal(document: DockerfileDocument): ReadonlySet<Stage> {
  let reaching = document.memo.get('stages-reaching-final') as Set<Stage> | undefined;
  if (reaching) return reaching;
  reaching = new Set(document.stagesInFinalImage);
  const queue = [...reaching];
  for (let stage = queue.shift(); stage; stage = queue.shift()) {
    for (const instruction of stage.instructions) {
      const from = instruction.keyword === 'COPY' || instruction.keyword === 'ADD' ? instruction.flag('from')?.value : undefined;
      const origin = from === undefined ? undefined : document.stageNamed(from, stage.index);
      for (const s of origin?.lineage ?? []) {
        if (reaching.has(s)) continue;
        reaching.add(s);
        queue.push(s);
      }
    }
  }
  document.memo.set('stages-reaching-final', reaching);
  return reaching;
}
