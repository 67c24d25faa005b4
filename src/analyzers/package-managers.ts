/**
 * Package manager commands in shell scripts: which manager, which subcommand, which options and
 * which packages (operands), read with each tool's own option syntax. Used by the Dockerfile rules
 * on package hygiene (pinning, caches, recommends, upgrades) and on what an image installs.
 */
import { type ParsedArgs, parseArgs } from '../model/cli-args.js';
import type { ShellArg, ShellCommand } from '../model/shell.js';

export type PackageManager =
  | 'apt-get'
  | 'apt'
  | 'apk'
  | 'yum'
  | 'dnf'
  | 'microdnf'
  | 'zypper'
  | 'pip'
  | 'npm'
  | 'yarn'
  | 'gem'
  | 'go';

export interface PackageCommand {
  manager: PackageManager;
  /** `install`, `add`, `upgrade`, `update`, `clean`, ... */
  subcommand: string | undefined;
  parsed: ParsedArgs;
  /** Operands after the subcommand: package names, file names, requirement specs. */
  packages: ShellArg[];
  command: ShellCommand;
}

const VALUED: Record<PackageManager, string[]> = {
  'apt-get': ['-o', '-c', '-t', '--option', '--config-file', '--target-release', '--default-release'],
  apt: ['-o', '-c', '-t', '--option', '--config-file', '--target-release'],
  apk: ['-X', '-p', '-t', '--repository', '--root', '--virtual', '--arch', '--keys-dir', '--repositories-file', '--cache-dir'],
  yum: [
    '-c',
    '-d',
    '-e',
    '-x',
    '--enablerepo',
    '--disablerepo',
    '--setopt',
    '--installroot',
    '--releasever',
    '--exclude',
    '--repo',
  ],
  dnf: [
    '-c',
    '-d',
    '-e',
    '-x',
    '--enablerepo',
    '--disablerepo',
    '--setopt',
    '--installroot',
    '--releasever',
    '--exclude',
    '--repo',
  ],
  microdnf: ['--enablerepo', '--disablerepo', '--setopt', '--installroot', '--releasever', '--config'],
  zypper: ['-r', '--repo', '--root', '--type', '-t', '--from'],
  pip: [
    '-r',
    '-c',
    '-e',
    '-i',
    '-f',
    '-t',
    '-C',
    '--requirement',
    '--constraint',
    '--editable',
    '--index-url',
    '--extra-index-url',
    '--find-links',
    '--target',
    '--prefix',
    '--root',
    '--src',
    '--upgrade-strategy',
    '--platform',
    '--python-version',
    '--implementation',
    '--abi',
    '--only-binary',
    '--no-binary',
    '--progress-bar',
    '--trusted-host',
    '--cache-dir',
    '--log',
    '--timeout',
    '--retries',
    '--proxy',
    '--cert',
    '--client-cert',
    '--config-settings',
    '--global-option',
    '--install-option',
    '--python',
  ],
  npm: ['--prefix', '-w', '--workspace', '--registry', '--cache', '--omit', '--include', '--loglevel', '--userconfig'],
  yarn: ['--cwd', '--registry', '--cache-folder', '--modules-folder', '--network-timeout'],
  gem: ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '--source', '-s', '-P', '--trust-policy', '--platform'],
  go: ['-C', '-o', '-p', '-tags', '-ldflags', '-gcflags', '-mod', '-modfile', '-overlay', '-pkgdir', '-trimpath'],
};

function managerOf(command: ShellCommand): PackageManager | undefined {
  const program = command.program;
  if (program === undefined) return undefined;
  switch (program) {
    case 'apt-get':
    case 'apt':
    case 'apk':
    case 'yum':
    case 'dnf':
    case 'microdnf':
    case 'zypper':
    case 'npm':
    case 'yarn':
    case 'gem':
    case 'go':
      return program;
    case 'pip':
    case 'pip3':
      return 'pip';
    default:
      break;
  }
  if (/^pip3(\.\d+)?$/.test(program)) return 'pip';
  // python -m pip install ...
  if (/^python(\d(\.\d+)?)?$/.test(program)) {
    const m = command.args.findIndex((a) => a.value === '-m');
    if (m !== -1 && command.args[m + 1]?.value === 'pip') return 'pip';
  }
  return undefined;
}

const MANAGER_NAMES = new Set(['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper', 'npm', 'yarn', 'gem', 'go']);

/** Reads a package manager command, or undefined when the command is not one. */
export function packageCommand(command: ShellCommand): PackageCommand | undefined {
  const program = command.program;
  if (program === undefined) return undefined;
  if (!(MANAGER_NAMES.has(program) || program.startsWith('pip') || program.startsWith('python'))) return undefined;
  return readPackageCommand(command);
}

function readPackageCommand(command: ShellCommand): PackageCommand | undefined {
  const manager = managerOf(command);
  if (!manager) return undefined;
  let args = command.args;
  if (manager === 'pip' && command.program?.startsWith('python')) {
    const m = args.findIndex((a) => a.value === '-m');
    args = args.slice(m + 2);
  }
  const parsed = parseArgs(args, { valued: VALUED[manager], singleDashLong: manager === 'go' });
  const [sub, ...rest] = parsed.operands;
  return { manager, subcommand: sub?.value, parsed, packages: rest, command };
}

/** apt options that only simulate: nothing is installed. */
const APT_SIMULATE = ['-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act'];

/** Whether the command installs packages (`apt-get install`, `apk add`, `pip install`, ...). */
export function isInstall(pkg: PackageCommand): boolean {
  const sub = pkg.subcommand;
  switch (pkg.manager) {
    case 'apt-get':
    case 'apt':
      return sub === 'install' && !pkg.parsed.has(...APT_SIMULATE);
    case 'apk':
      return sub === 'add';
    case 'yarn':
      return sub === 'add' || (sub === 'global' && pkg.packages[0]?.value === 'add');
    case 'npm':
      return sub === 'install' || sub === 'i' || sub === 'add';
    case 'zypper':
      return sub === 'install' || sub === 'in';
    default:
      return sub === 'install';
  }
}

/** Whether the command upgrades installed packages in place. */
export function isUpgrade(pkg: PackageCommand): boolean {
  const sub = pkg.subcommand;
  switch (pkg.manager) {
    case 'apt-get':
    case 'apt':
      return sub === 'upgrade' || sub === 'dist-upgrade' || sub === 'full-upgrade';
    case 'apk':
      // `apk upgrade openssl` upgrades only the packages it names.
      return (
        (sub === 'upgrade' && pkg.packages.length === 0) ||
        (sub === 'add' && pkg.parsed.has('-u', '--upgrade') && pkg.packages.length === 0)
      );
    case 'yum':
    case 'dnf':
    case 'microdnf':
      return (sub === 'update' || sub === 'upgrade' || sub === 'distro-sync') && pkg.packages.length === 0;
    case 'zypper':
      // `zypper update pkg` updates the named packages only; `dup` and `patch` act on the whole system.
      return (
        ((sub === 'update' || sub === 'up') && pkg.packages.length === 0) ||
        sub === 'dist-upgrade' ||
        sub === 'dup' ||
        sub === 'patch'
      );
    default:
      return false;
  }
}

/**
 * Whether a package operand pins a version in the manager's syntax (`curl=8.5.0-2`,
 * `curl~=8`, `requests==2.31.0`, `express@4.18.2`, `rails:7.1.0`, `nginx-1.24.0`). Local files,
 * URLs and variables are treated as pinned (they name exactly what is installed).
 */
export function isPinned(manager: PackageManager, operand: ShellArg): boolean {
  const text = operand.text;
  if (text.startsWith('-') || text === '.' || text === '..') return true;
  if (/^(\.{0,2}\/|[a-z+]+:\/\/|git\+|file:)/i.test(text) || /\.(deb|rpm|apk|whl|tar\.gz|tgz|zip|gem)$/i.test(text)) return true;
  if (text.includes('$')) return true;
  switch (manager) {
    case 'apt-get':
    case 'apt':
      return text.includes('=');
    case 'apk':
      return /[=~<>]/.test(text);
    case 'pip':
      return /(==|===|~=|<=?|>=?|!=)/.test(text) || /@\s*\S/.test(text);
    case 'npm':
    case 'yarn':
      return /^@?[^@]+@.+/.test(text);
    case 'gem':
      return /:[0-9]/.test(text);
    case 'go':
      return /@(v?\d|[0-9a-f]{7,}$)/.test(text) && !/@latest$/.test(text);
    case 'yum':
    case 'dnf':
    case 'microdnf':
    case 'zypper':
      return /-\d[\w.:~+-]*$/.test(text) || /[=<>]/.test(text);
  }
}
