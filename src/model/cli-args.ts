/**
 * Reading the options of a command line the way getopt-style programs do: short options clustered
 * (`-fsSL`), values attached or separate (`-ofile`, `-o file`, `--output=file`, `--output file`),
 * `--` ending the options, and (for programs such as `docker run`) options ending at the first
 * operand.
 */
import type { ShellArg } from './shell.js';

export interface ParsedOption {
  /** The option as written, without its value: `-o`, `--output`. */
  name: string;
  value: string | undefined;
  /** The word the option is in. */
  arg: ShellArg;
  /** The word the value came from, when it is the next word. */
  valueArg: ShellArg | undefined;
}

export interface OptionSpec {
  /** Options that take a value: `-o`, `--output`. */
  valued?: readonly string[];
  /** Stop at the first operand (the rest are the operand's arguments), as `docker run IMAGE CMD` does. */
  stopAtOperand?: boolean;
  /** Long options that may be written with one dash (`-name value`), for tools that accept it. */
  singleDashLong?: boolean;
}

export class ParsedArgs {
  readonly options: ParsedOption[];
  readonly operands: ShellArg[];

  constructor(options: ParsedOption[], operands: ShellArg[]) {
    this.options = options;
    this.operands = operands;
  }

  has(...names: string[]): boolean {
    return this.options.some((o) => names.includes(o.name));
  }

  get(...names: string[]): ParsedOption | undefined {
    return this.options.find((o) => names.includes(o.name));
  }

  all(...names: string[]): ParsedOption[] {
    return this.options.filter((o) => names.includes(o.name));
  }
}

export function parseArgs(args: readonly ShellArg[], spec: OptionSpec = {}): ParsedArgs {
  const valued = new Set(spec.valued ?? []);
  const options: ParsedOption[] = [];
  const operands: ShellArg[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i] as ShellArg;
    const text = arg.value ?? arg.text;
    if (text === '--') {
      i++;
      break;
    }
    if (text.startsWith('--') && text.length > 2) {
      const eq = text.indexOf('=');
      if (eq !== -1) {
        options.push({ name: text.slice(0, eq), value: text.slice(eq + 1), arg, valueArg: undefined });
      } else if (valued.has(text)) {
        const next = args[i + 1];
        options.push({ name: text, value: next ? (next.value ?? next.text) : undefined, arg, valueArg: next });
        i++;
      } else {
        options.push({ name: text, value: undefined, arg, valueArg: undefined });
      }
      continue;
    }
    if (text.startsWith('-') && text.length > 1 && arg.value !== undefined) {
      if (spec.singleDashLong && valued.has(text)) {
        const next = args[i + 1];
        options.push({ name: text, value: next ? (next.value ?? next.text) : undefined, arg, valueArg: next });
        i++;
        continue;
      }
      // A cluster of short options; the first that takes a value takes the rest of the word or the next word.
      for (let k = 1; k < text.length; k++) {
        const name = `-${text[k]}`;
        if (valued.has(name)) {
          const attached = text.slice(k + 1);
          if (attached !== '') {
            options.push({ name, value: attached.startsWith('=') ? attached.slice(1) : attached, arg, valueArg: undefined });
          } else {
            const next = args[i + 1];
            options.push({ name, value: next ? (next.value ?? next.text) : undefined, arg, valueArg: next });
            i++;
          }
          break;
        }
        options.push({ name, value: undefined, arg, valueArg: undefined });
      }
      continue;
    }
    operands.push(arg);
    if (spec.stopAtOperand) {
      i++;
      break;
    }
  }
  for (; i < args.length; i++) operands.push(args[i] as ShellArg);
  return new ParsedArgs(options, operands);
}
