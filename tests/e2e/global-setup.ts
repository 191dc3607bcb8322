import { ensureChromium } from '../../scripts/lib/chromium.mjs';

/** The browser tests use Debian's Chromium: installed where missing, or a message saying how. */
export default function setup(): void {
  ensureChromium();
}
