import { describe, expect, it } from 'vitest';
import { ofRule, scanText, testRule } from '../../testing/index.js';
import rule from './no-package-upgrade.js';

describe('dockerfile/no-package-upgrade', () => {
  testRule(rule, {
    valid: [
      { name: 'install', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n' },
      { name: 'upgrading one package with apk add -u', code: 'FROM alpine:3.20\nRUN apk add -u openssl\n' },
      { name: 'yum update of named packages', code: 'FROM rockylinux:9\nRUN yum update -y openssl\n' },
      { name: 'apk upgrade of a named package', code: 'FROM alpine:3.20\nRUN apk --no-cache upgrade apk-tools\n' },
      { name: 'zypper update of a named package', code: 'FROM opensuse/leap:15.6\nRUN zypper -n up openssl\n' },
      { name: 'pip install --upgrade is not a system upgrade', code: 'FROM python:3.12\nRUN pip install --upgrade pip\n' },
    ],
    invalid: [
      {
        name: 'apt-get upgrade',
        code: 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n',
        findings: [{ line: 2, column: 23, severity: 'low' }],
      },
      {
        name: 'apt dist-upgrade with options first',
        code: 'FROM ubuntu:24.04\nRUN apt -qq -y dist-upgrade\n',
        findings: [{ line: 2, message: /"apt -qq -y dist-upgrade"/ }],
      },
      { name: 'apk upgrade', code: 'FROM alpine:3.20\nRUN apk upgrade --no-cache\n', findings: [{ line: 2 }] },
      {
        name: 'yum update, dnf upgrade, zypper dup',
        code: 'FROM fedora:40\nRUN yum -y update; dnf upgrade -y; zypper -n dup\n',
        findings: [{ line: 2 }, { line: 2 }, { line: 2 }],
      },
    ],
  });

  it('ends the finding at the command, not after the line continuation that follows it', async () => {
    const result = await scanText('FROM alpine:3.20\nRUN apk update \\\n  && apk upgrade \\\n  && apk add --no-cache bash\n', {
      filename: 'Dockerfile',
      rules: [rule],
    });
    const [finding] = ofRule(result, rule.meta.id);
    expect([finding?.line, finding?.column, finding?.endLine, finding?.endColumn]).toEqual([3, 6, 3, 17]);
  });
});
