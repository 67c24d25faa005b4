/**
 * Argument parsing on node:util parseArgs, with usage errors as UsageError (exit code 2).
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { isSeverity, type Severity } from '../core/severity.js';
import { UsageError } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<T extends Options> = ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>>;

export function parse<T extends Options>(argv: readonly string[], options: T): Parsed<T> {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

export function severityOption(value: string | undefined, name: string): Severity | undefined {
  if (value === undefined) return undefined;
  if (value === 'none') return undefined;
  if (!isSeverity(value)) throw new UsageError(`${name} must be one of critical, high, medium, low, info`);
  return value;
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** `10M`, `512k`, `1048576` -> bytes. */
export function sizeOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*([kKmMgG]?)i?[bB]?$/.exec(value.trim());
  if (!match) throw new UsageError(`${name} must be a size such as 10M or 1048576`);
  const units: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
  return Math.round(Number(match[1]) * (units[(match[2] ?? '').toLowerCase()] ?? 1));
}
