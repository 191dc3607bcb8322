import browser from 'webextension-polyfill';
import { defaultSettings, Settings } from '../model/settings';
import { parseOrThrow } from '../model/validate';
import { SETTINGS_KEY, settingsArea } from './well-known';

/**
 * Settings live in storage.sync (they follow the user across browsers) under one key, validated
 * with zod and filled with defaults. Where sync is unavailable (some Firefox setups), local.
 */
function area(): browser.Storage.StorageArea {
  return settingsArea(browser.storage);
}

/** The user's templates one by one: a broken or retired one is dropped, the others kept. */
function validTemplates(stored: unknown): Record<string, string> {
  const kept: Record<string, string> = {};
  if (!stored || typeof stored !== 'object') return kept;
  for (const [kind, template] of Object.entries(stored)) {
    if (Settings.safeParse({ templates: { [kind]: template } }).success) kept[kind] = template as string;
  }
  return kept;
}

/** Fills defaults; drops (rather than trusts) anything stored that no longer validates. */
export function normaliseSettings(stored: unknown): Settings {
  const result = Settings.safeParse(stored ?? {});
  if (result.success) return result.data;
  // Keep every field that is still valid on its own; reset only the broken ones.
  const base = defaultSettings() as Record<string, unknown>;
  if (stored && typeof stored === 'object') {
    for (const [key, value] of Object.entries(stored)) {
      if (!(key in base)) continue;
      if (key === 'templates') {
        base.templates = validTemplates(value);
        continue;
      }
      const candidate = Settings.safeParse({ ...base, [key]: value });
      if (candidate.success) base[key] = value;
    }
  }
  return Settings.parse(base);
}

export async function loadSettings(): Promise<Settings> {
  const stored = await area().get(SETTINGS_KEY);
  return normaliseSettings(stored[SETTINGS_KEY]);
}

/** Validates the whole result before writing: an out-of-range value throws and nothing is saved. */
export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = parseOrThrow(Settings, { ...(await loadSettings()), ...change }, 'settings');
  await area().set({ [SETTINGS_KEY]: next });
  return next;
}

export async function resetSettings(): Promise<Settings> {
  await area().remove(SETTINGS_KEY);
  return defaultSettings();
}

/** Calls `listener` with the new settings whenever they change, in any extension context. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, browser.Storage.StorageChange>, areaName: string) => {
    if (!(SETTINGS_KEY in changes)) return;
    if (areaName !== 'sync' && areaName !== 'local') return;
    listener(normaliseSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
