import { useLayoutEffect, useState } from 'preact/hooks';
import type { Settings } from '../../model/settings';
import { loadSettings, onSettingsChanged } from '../settings-store';

/**
 * The current settings, kept live: a change saved anywhere (options, another window) shows at once.
 * `initial` is a read already started (the popup starts it before mounting).
 */
export function useSettings(initial?: Promise<Settings>): [Settings | null, (settings: Settings) => void] {
  const [settings, setSettings] = useState<Settings | null>(null);
  // A layout effect subscribes right after the first render, not a frame later.
  useLayoutEffect(() => {
    let alive = true;
    void (initial ?? loadSettings()).then((loaded) => {
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
