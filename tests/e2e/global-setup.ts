import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.LAPSE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * The browser tests use Debian's Chromium (nothing may download a browser build). Install it
 * where it is missing, or stop with a message that says how.
 */
export default function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  console.log(`[e2e] ${CHROMIUM} not found; installing Debian's chromium (apt-get install -y chromium)…`);
  try {
    execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], {
      stdio: 'inherit',
    });
  } catch {
    // Fall through to the check below, which explains what to do.
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is needed for the browser tests and could not be installed. ` +
        `Install it with "sudo apt-get install -y chromium", or point LAPSE_CHROMIUM at a Chromium binary.`,
    );
  }
}
