/** Terminal colour, used only when writing to a TTY and NO_COLOR is not set. */
export interface Palette {
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  grey(text: string): string;
  bold(text: string): string;
  magenta(text: string): string;
  green(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export const colours: Palette = {
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  blue: wrap(34, 39),
  grey: wrap(90, 39),
  bold: wrap(1, 22),
  magenta: wrap(35, 39),
  green: wrap(32, 39),
};

const identity = (text: string) => text;

export const plain: Palette = {
  red: identity,
  yellow: identity,
  blue: identity,
  grey: identity,
  bold: identity,
  magenta: identity,
  green: identity,
};

/**
 * Whether to colour output written to `stream`: `NO_COLOR` (any non-empty value) turns colour off;
 * `FORCE_COLOR` turns it on (`0` or `false` turns it off), as in Node.js; otherwise colour only on
 * a terminal that is not `TERM=dumb`.
 */
export function shouldColour(stream: { isTTY?: boolean } | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return false;
    return true;
  }
  if (env.TERM === 'dumb') return false;
  return stream?.isTTY === true;
}
