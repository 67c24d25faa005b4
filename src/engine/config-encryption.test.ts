import { describe, expect, it } from 'vitest';
import { SourceText } from '../core/source.js';
import { parseConfig } from './config.js';

describe('.greenbelt.yaml encryption settings', () => {
  it('reads the sensitive resources, defaulting to secrets', () => {
    expect(
      parseConfig(new SourceText('.greenbelt.yaml', 'failOn: high\n'), '/').config.settings.encryption.sensitiveResources,
    ).toEqual(['secrets']);
    const { config, errors } = parseConfig(
      new SourceText('.greenbelt.yaml', 'encryption:\n  sensitiveResources: [secrets, configmaps, tokens.auth.example.com]\n'),
      '/',
    );
    expect(errors).toEqual([]);
    expect(config.settings.encryption.sensitiveResources).toEqual(['secrets', 'configmaps', 'tokens.auth.example.com']);
  });

  it('reports malformed values with their position', () => {
    const { errors } = parseConfig(new SourceText('.greenbelt.yaml', 'encryption:\n  sensitiveResources: []\n'), '/');
    expect(errors).toEqual([
      { file: '.greenbelt.yaml', line: 2, column: 3, message: 'config: sensitiveResources must name at least one resource' },
    ]);
    expect(parseConfig(new SourceText('.greenbelt.yaml', 'encryption: secrets\n'), '/').errors[0]?.message).toMatch(
      /must be a map/,
    );
  });
});
