import type { AnyRule } from '../types.js';
import bindAddress from './bind-address.js';
import noProfiling from './no-profiling.js';

export const schedulerRules: readonly AnyRule[] = [bindAddress, noProfiling];
