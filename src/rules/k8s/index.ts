import type { AnyRule } from '../types.js';
import noPrivileged from './no-privileged.js';

export const k8sRules: readonly AnyRule[] = [noPrivileged];
