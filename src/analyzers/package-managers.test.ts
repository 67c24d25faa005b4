import { describe, expect, it } from 'vitest';
import { analyseShell } from '../model/shell.js';
import { isInstall, isPinned, isUpgrade, packageCommand } from './package-managers.js';

const first = (text: string) => {
  const command = analyseShell(text).commands.find((c) => packageCommand(c));
  const pkg = command && packageCommand(command);
  if (!pkg) throw new Error(`no package command in ${text}`);
  return pkg;
};

describe('package manager commands', () => {
  it.each([
    ['apt-get -qq -o Dpkg::Options::=--force-confnew install -y curl', 'apt-get', 'install', ['curl']],
    ['apk add --no-cache --virtual .deps gcc musl-dev', 'apk', 'add', ['gcc', 'musl-dev']],
    ['python3 -m pip install -r req.txt flask==3.0', 'pip', 'install', ['flask==3.0']],
    ['pip3.12 install --index-url https://x requests', 'pip', 'install', ['requests']],
    ['yum --enablerepo=epel install -y jq', 'yum', 'install', ['jq']],
    ['npm i -g pnpm@9', 'npm', 'i', ['pnpm@9']],
  ])('%s', (text, manager, sub, packages) => {
    const pkg = first(text);
    expect([pkg.manager, pkg.subcommand, pkg.packages.map((p) => p.value)]).toEqual([manager, sub, packages]);
    expect(isInstall(pkg)).toBe(true);
  });

  it('recognises upgrades', () => {
    expect(['apt-get dist-upgrade -y', 'apk upgrade', 'dnf -y update', 'zypper dup'].map((t) => isUpgrade(first(t)))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['apt-get install -y x', 'dnf update openssl'].map((t) => isUpgrade(first(t)))).toEqual([false, false]);
  });

  it('does not take an upgrade of named packages for a system upgrade', () => {
    expect(['apk --no-cache upgrade apk-tools', 'zypper up openssl', 'zypper patch'].map((t) => isUpgrade(first(t)))).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('does not take a simulated apt install for an install', () => {
    expect(
      ['apt-get install -s postgresql-16-jit', 'apt-get --dry-run install x', 'apt-get install -y x'].map((t) =>
        isInstall(first(t)),
      ),
    ).toEqual([false, false, true]);
  });

  it.each([
    ['apt-get', 'curl=7.88', true],
    ['apt-get', 'curl', false],
    ['apk', 'curl~8', true],
    ['pip', 'requests>=2', true],
    ['pip', 'requests', false],
    ['npm', '@scope/pkg@1.0.0', true],
    ['npm', '@scope/pkg', false],
    ['gem', 'rails:7.1', true],
    ['go', 'example.com/x@v1.2.3', true],
    ['go', 'example.com/x@latest', false],
    ['yum', 'httpd-2.4.57', true],
    ['apt-get', './local.deb', true],
  ] as const)('%s %s pinned: %s', (manager, text, pinned) => {
    expect(isPinned(manager, { value: text, text, range: [0, 0] })).toBe(pinned);
  });
});
