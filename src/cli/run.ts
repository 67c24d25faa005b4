import { EXIT_ERROR, type Io, processIo, UsageError } from './io.js';
import { version } from './version.js';

export interface Command {
  summary: string;
  usage: string;
  run(argv: string[], io: Io): Promise<number>;
}

interface CommandEntry {
  summary: string;
  load: () => Promise<{ command: Command }>;
}

/** Every command, loaded on first use. */
export const commands: Record<string, CommandEntry> = {
  scan: { summary: 'scan manifests, Dockerfiles, compose and config files', load: () => import('./commands/scan.js') },
  rules: { summary: 'list the rules (text, JSON or markdown)', load: () => import('./commands/rules.js') },
  explain: { summary: "print a rule's documentation", load: () => import('./commands/explain.js') },
  pss: {
    summary: 'evaluate workloads against a Pod Security Standards level, as Kubernetes would',
    load: () => import('./commands/pss.js'),
  },
  rbac: {
    summary: 'who-can, can-i, permissions and escalation paths from RBAC manifests',
    load: () => import('./commands/rbac.js'),
  },
  netpol: {
    summary: 'NetworkPolicy connectivity map, explain, diff and least-privilege suggestions',
    load: () => import('./commands/netpol.js'),
  },
  etcd: {
    summary: 'verify that the objects stored in etcd are encrypted and readable',
    load: () => import('./commands/etcd.js'),
  },
  encryption: { summary: 'write and rotate EncryptionConfiguration keys', load: () => import('./commands/encryption.js') },
};

function help(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length)) + 2;
  const lines = Object.entries(commands).map(([name, entry]) => `  ${name.padEnd(width)}${entry.summary}`);
  return `greenbelt ${version()}: defence in depth for Docker and Kubernetes

Usage: greenbelt <command> [options]

Commands:
${lines.join('\n')}

Run \`greenbelt <command> --help\` for a command's options.
Exit codes: 0 nothing at or above the threshold, 1 findings at or above it, 2 usage or input error.
`;
}

export async function runCli(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help());
    return name === undefined ? EXIT_ERROR : 0;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    const { didYouMean } = await import('../engine/suggest.js');
    io.stderr.write(`greenbelt: unknown command "${name}"${didYouMean(name, Object.keys(commands))}\n\n${help()}`);
    return EXIT_ERROR;
  }
  const { command } = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`greenbelt ${name}: ${error.message}\n\n${command.usage}\n`);
      return EXIT_ERROR;
    }
    throw error;
  }
}
