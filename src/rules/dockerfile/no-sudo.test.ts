import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-sudo.js';

describe('dockerfile/no-sudo', () => {
  testRule(rule, {
    valid: [
      { name: 'no sudo', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
      { name: 'sudo only as a package name or argument', code: 'FROM debian:12\nRUN apt-get install -y sudo && echo sudo\n' },
      {
        name: 'PowerShell is not parsed as sh',
        code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN sudo x\n',
      },
    ],
    invalid: [
      {
        name: 'sudo in a chain, with its position',
        code: 'FROM ubuntu:24.04\nRUN apt-get update && \\\n    sudo apt-get install -y curl\n',
        findings: [{ line: 3, column: 5, severity: 'medium', message: /"sudo apt-get install -y curl"/ }],
      },
      {
        name: 'sudo inside sh -c in exec form',
        code: 'FROM ubuntu:24.04\nRUN ["sh", "-c", "sudo make install"]\n',
        findings: [{ line: 2 }],
      },
      {
        name: 'sudo in a subshell and in an if',
        code: 'FROM ubuntu:24.04\nRUN (sudo true); if true; then sudo id; fi\n',
        findings: [{ line: 2 }, { line: 2 }],
      },
    ],
  });
});
