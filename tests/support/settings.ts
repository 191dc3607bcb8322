import { defaultSettings } from '../../src/model/settings';
import type { ResolvedSettings } from '../../src/rules';

/** Default settings, with a fixed window the rules can add (a learned one is resolved first). */
export function fixedSettings(overrides: Partial<ResolvedSettings> = {}): ResolvedSettings {
  return { ...defaultSettings(), expiryWindow: 'six-months', ...overrides };
}
