import type { AnyRule } from '../types.js';
import aescbc from './aescbc.js';
import aesgcmStaticKey from './aesgcm-static-key.js';
import duplicateKeyName from './duplicate-key-name.js';
import identityFirst from './identity-first.js';
import invalidConfig from './invalid-config.js';
import keyInvalid from './key-invalid.js';
import keyNotRandom from './key-not-random.js';
import keyReused from './key-reused.js';
import keyTrailingNewline from './key-trailing-newline.js';
import kmsSettings from './kms-settings.js';
import kmsV1 from './kms-v1.js';
import localKeyMaterial from './local-key-material.js';
import sensitiveNotCovered from './sensitive-not-covered.js';
import shadowedProvider from './shadowed-provider.js';

export const encryptionRules: readonly AnyRule[] = [
  aescbc,
  aesgcmStaticKey,
  duplicateKeyName,
  identityFirst,
  invalidConfig,
  keyInvalid,
  keyNotRandom,
  keyReused,
  keyTrailingNewline,
  kmsSettings,
  kmsV1,
  localKeyMaterial,
  sensitiveNotCovered,
  shadowedProvider,
];
