import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../model/settings';
import { loadSettings, onSettingsChanged } from '../settings-store';

/** The current settings, kept live: a change saved anywhere (options, another window) shows at once. */
export function useSettings(): [Settings | null, (settings: Settings) => void] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let alive = true;
    void loadSettings().then((loaded) => {
      if (alive) setSettings(loaded);
    });
    const stop = onSettingsChanged(setSettings);
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return [settings, setSettings];
}
