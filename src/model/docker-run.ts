/**
 * `docker run`, `docker create`, `podman run` and `nerdctl run` commands found in shell scripts,
 * Makefiles, CI files and systemd units: their flags read with the docker CLI's option syntax
 * into a `ContainerSpec`, each value with its source range.
 */
import {
  type At,
  type ContainerSpec,
  emptySpec,
  isHostPath,
  type MountSpec,
  parsePortShort,
  parseVolumeShort,
} from '../analyzers/container-spec.js';
import type { OffsetRange, SourceText } from '../core/source.js';
import type { Locatable } from '../rules/types.js';
import type { ShellRange } from '../sources/shell/ast.js';
import type { Path } from '../sources/yaml.js';
import { type ParsedOption, parseArgs } from './cli-args.js';
import type { ShellArg, ShellCommand } from './shell.js';

declare module '../rules/types.js' {
  interface TargetSubjects {
    /** Every `docker run` / `docker create` / `podman run` command found in scripts and units. */
    'docker-run': DockerRunCommand;
  }
}

const GLOBAL_VALUED = [
  '-H',
  '--host',
  '-c',
  '--context',
  '--config',
  '-l',
  '--log-level',
  '--tlscacert',
  '--tlscert',
  '--tlskey',
  '--url',
  '--connection',
  '--identity',
  '--root',
  '--runroot',
  '--namespace',
  '-n',
  '--address',
  '-a',
];

const RUN_VALUED = [
  '-a',
  '--attach',
  '--add-host',
  '--annotation',
  '--blkio-weight',
  '--blkio-weight-device',
  '--cap-add',
  '--cap-drop',
  '--cgroup-parent',
  '--cgroupns',
  '--cidfile',
  '--cpu-period',
  '--cpu-quota',
  '--cpu-rt-period',
  '--cpu-rt-runtime',
  '-c',
  '--cpu-shares',
  '--cpus',
  '--cpuset-cpus',
  '--cpuset-mems',
  '--device',
  '--device-cgroup-rule',
  '--device-read-bps',
  '--device-read-iops',
  '--device-write-bps',
  '--device-write-iops',
  '--dns',
  '--dns-option',
  '--dns-search',
  '--domainname',
  '--entrypoint',
  '-e',
  '--env',
  '--env-file',
  '--expose',
  '--gpus',
  '--group-add',
  '--health-cmd',
  '--health-interval',
  '--health-retries',
  '--health-start-period',
  '--health-start-interval',
  '--health-timeout',
  '-h',
  '--hostname',
  '--ip',
  '--ip6',
  '--ipc',
  '--isolation',
  '--kernel-memory',
  '-l',
  '--label',
  '--label-file',
  '--link',
  '--link-local-ip',
  '--log-driver',
  '--log-opt',
  '--mac-address',
  '-m',
  '--memory',
  '--memory-reservation',
  '--memory-swap',
  '--memory-swappiness',
  '--mount',
  '--name',
  '--network',
  '--net',
  '--network-alias',
  '--net-alias',
  '--oom-score-adj',
  '--pid',
  '--pids-limit',
  '--platform',
  '-p',
  '--publish',
  '--pull',
  '--restart',
  '--runtime',
  '--security-opt',
  '--shm-size',
  '--stop-signal',
  '--stop-timeout',
  '--storage-opt',
  '--sysctl',
  '--tmpfs',
  '--ulimit',
  '-u',
  '--user',
  '--userns',
  '--uts',
  '-v',
  '--volume',
  '--volume-driver',
  '--volumes-from',
  '-w',
  '--workdir',
  '--detach-keys',
  '--pod',
  '--secret',
  '--arch',
  '--os',
  '--variant',
];

const TOOLS = new Set(['docker', 'podman', 'nerdctl']);

export class DockerRunCommand implements Locatable {
  readonly type = 'docker-run' as const;
  readonly source: SourceText;
  readonly tool: string;
  readonly subcommand: 'run' | 'create';
  readonly range: OffsetRange;
  readonly spec: ContainerSpec;
  /** The command line as written (for fingerprints and messages). */
  readonly text: string;
  /**
   * A throw-away container: `run --rm` in the foreground (not `-d`), removed when its command ends,
   * as CI scripts run build and test tools (`docker run --rm -v "$PWD":/src golang go test ./...`).
   */
  readonly throwAway: boolean;

  constructor(options: {
    source: SourceText;
    tool: string;
    subcommand: 'run' | 'create';
    range: OffsetRange;
    spec: ContainerSpec;
    text: string;
    throwAway?: boolean;
  }) {
    this.source = options.source;
    this.tool = options.tool;
    this.subcommand = options.subcommand;
    this.range = options.range;
    this.spec = options.spec;
    this.text = options.text;
    this.throwAway = options.throwAway ?? false;
  }

  locate(_path: Path): OffsetRange {
    return this.range;
  }
}

/**
 * The docker run commands among a script's commands. `map` turns a range of the script into a
 * range of the source file.
 */
export function dockerRunCommands(
  source: SourceText,
  commands: readonly ShellCommand[],
  map: (range: ShellRange) => OffsetRange,
): DockerRunCommand[] {
  const out: DockerRunCommand[] = [];
  for (const command of commands) {
    const found = asDockerRun(command);
    if (!found) continue;
    const range = map(command.range);
    const at = (arg: ShellArg | undefined): At => ({ range: arg ? map(arg.range) : range });
    const image = found.args.operands[0];
    const imageText = image ? (image.value ?? image.text) : undefined;
    const label = `${found.tool} ${found.subcommand}${imageText === undefined ? '' : ` of "${imageText}"`}`;
    const spec = emptySpec(imageText ?? found.tool, label, { range });
    if (image) spec.image = { value: imageText ?? '', at: at(image) };
    applyOptions(spec, found.args.options, at);
    const text = command.words.map((w) => w.value ?? w.text).join(' ');
    const options = found.args;
    const throwAway =
      found.subcommand === 'run' &&
      options.all('--rm').some((o) => o.value === undefined || /^(true|1)$/i.test(o.value)) &&
      !options.all('-d', '--detach').some((o) => o.value === undefined || /^(true|1)$/i.test(o.value));
    out.push(new DockerRunCommand({ source, tool: found.tool, subcommand: found.subcommand, range, spec, text, throwAway }));
  }
  return out;
}

function asDockerRun(
  command: ShellCommand,
): { tool: string; subcommand: 'run' | 'create'; args: ReturnType<typeof parseArgs> } | undefined {
  const tool = command.program;
  if (tool === undefined || !TOOLS.has(tool)) return undefined;
  const global = parseArgs(command.args, { valued: GLOBAL_VALUED, stopAtOperand: true });
  const first = global.operands[0]?.value;
  let rest = global.operands.slice(1);
  let subcommand = first;
  if (first === 'container') {
    subcommand = rest[0]?.value;
    rest = rest.slice(1);
  }
  if (subcommand !== 'run' && subcommand !== 'create') return undefined;
  return { tool, subcommand, args: parseArgs(rest, { valued: RUN_VALUED, stopAtOperand: true }) };
}

function boolValue(option: ParsedOption): boolean {
  return option.value === undefined || /^(true|1|yes)$/i.test(option.value);
}

function applyOptions(spec: ContainerSpec, options: readonly ParsedOption[], at: (arg: ShellArg | undefined) => At): void {
  for (const option of options) {
    const value = option.value;
    const where = at(option.valueArg ?? option.arg);
    switch (option.name) {
      case '--privileged':
        spec.privileged = { value: boolValue(option), at: at(option.arg) };
        break;
      case '--read-only':
        spec.readOnly = { value: boolValue(option), at: at(option.arg) };
        break;
      case '-P':
      case '--publish-all':
        spec.publishAll = { value: boolValue(option), at: at(option.arg) };
        break;
      case '--cap-add':
      case '--cap-drop':
        for (const capability of (value ?? '').split(',').filter((c) => c !== '')) {
          (option.name === '--cap-add' ? spec.capAdd : spec.capDrop).push({ value: capability, at: where });
        }
        break;
      case '--network':
      case '--net':
        if (value === undefined) break;
        if (value === 'host' || value === 'none' || value.startsWith('container:')) spec.networkMode = { value, at: where };
        else if (value !== 'bridge' && value !== 'default') spec.networks.push(value);
        break;
      case '--pid':
        if (value !== undefined) spec.pid = { value, at: where };
        break;
      case '--ipc':
        if (value !== undefined) spec.ipc = { value, at: where };
        break;
      case '--userns':
        if (value !== undefined) spec.userns = { value, at: where };
        break;
      case '--uts':
        if (value !== undefined) spec.uts = { value, at: where };
        break;
      case '--cgroupns':
        if (value !== undefined) spec.cgroup = { value, at: where };
        break;
      case '-v':
      case '--volume':
        if (value !== undefined) spec.mounts.push(parseVolumeShort(value, where));
        break;
      case '--mount':
        if (value !== undefined) spec.mounts.push(parseMount(value, where));
        break;
      case '--tmpfs':
        spec.mounts.push({
          type: 'tmpfs',
          source: undefined,
          target: (value ?? '').split(':')[0] ?? '',
          readOnly: false,
          at: where,
        });
        break;
      case '--security-opt':
        if (value !== undefined) spec.securityOpt.push({ value, at: where });
        break;
      case '-u':
      case '--user':
        if (value !== undefined) spec.user = { value, at: where };
        break;
      case '-m':
      case '--memory':
        if (value !== undefined) spec.memory = { value, at: where };
        break;
      case '--cpus':
      case '--cpu-quota':
        if (value !== undefined) spec.cpus = { value, at: where };
        break;
      case '--pids-limit':
        if (value !== undefined) spec.pidsLimit = { value, at: where };
        break;
      case '-p':
      case '--publish':
        if (value !== undefined) spec.ports.push(parsePortShort(value, where));
        break;
      case '-e':
      case '--env':
        if (value !== undefined) {
          const eq = value.indexOf('=');
          spec.environment.push({
            name: eq === -1 ? value : value.slice(0, eq),
            value: eq === -1 ? undefined : value.slice(eq + 1),
            at: where,
          });
        }
        break;
      case '--device':
        if (value !== undefined) spec.devices.push({ value, at: where });
        break;
      case '--sysctl':
        if (value !== undefined) {
          const eq = value.indexOf('=');
          spec.sysctls.push({
            name: eq === -1 ? value : value.slice(0, eq),
            value: eq === -1 ? '' : value.slice(eq + 1),
            at: where,
          });
        }
        break;
      case '--restart':
        if (value !== undefined) {
          spec.restart = { value: value.split(':')[0] ?? value, at: where };
          spec.restartCapped = /^on-failure:\d+$/.test(value) || value === 'no';
        }
        break;
      case '--log-driver':
        if (value !== undefined) spec.logDriver = { value, at: where };
        break;
      default:
        break;
    }
  }
}

/** `--mount type=bind,source=/x,target=/y,readonly` */
function parseMount(text: string, at: At): MountSpec {
  const options: Record<string, string> = {};
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    options[(eq === -1 ? part : part.slice(0, eq)).trim().toLowerCase()] = eq === -1 ? 'true' : part.slice(eq + 1).trim();
  }
  const type = options.type ?? 'volume';
  const source = options.source ?? options.src;
  const target = options.target ?? options.destination ?? options.dst ?? '';
  const readOnly = ['readonly', 'ro'].some((k) => options[k] !== undefined && options[k] !== 'false');
  const known = ['bind', 'volume', 'tmpfs', 'npipe', 'image', 'cluster'];
  let kind: MountSpec['type'] = known.includes(type) ? (type as MountSpec['type']) : 'unknown';
  if (kind === 'volume' && source !== undefined && isHostPath(source)) kind = 'bind';
  return { type: kind, source, target, readOnly, at };
}
