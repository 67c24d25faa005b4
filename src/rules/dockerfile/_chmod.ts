/** Reading file modes as chmod does: octal (`0755`, `4755`) and symbolic (`u+s`, `go-w`, `a=rwx`). */

export interface ModeEffect {
  worldWritable: boolean;
  setuid: boolean;
  setgid: boolean;
  sticky: boolean;
}

export function modeEffect(mode: string): ModeEffect | undefined {
  const effect: ModeEffect = { worldWritable: false, setuid: false, setgid: false, sticky: false };
  if (/^[0-7]{1,4}$/.test(mode)) {
    const value = Number.parseInt(mode, 8);
    effect.worldWritable = (value & 0o002) !== 0;
    effect.setuid = (value & 0o4000) !== 0;
    effect.setgid = (value & 0o2000) !== 0;
    effect.sticky = (value & 0o1000) !== 0;
    return effect;
  }
  let any = false;
  for (const clause of mode.split(',')) {
    const match = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!match) return any ? effect : undefined;
    any = true;
    const who = match[1] === '' ? 'a' : (match[1] as string);
    const op = match[2];
    const perms = match[3] as string;
    if (op === '-') continue;
    const others = who.includes('o') || who.includes('a');
    if (perms.includes('w') && others && match[1] !== '') effect.worldWritable = true;
    if (perms.includes('s')) {
      if (who.includes('u') || who.includes('a')) effect.setuid = true;
      if (who.includes('g') || who.includes('a')) effect.setgid = true;
    }
    if (perms.includes('t')) effect.sticky = true;
  }
  return effect;
}
