import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const FIREFOX = process.env.LAPSE_FIREFOX ?? '/usr/bin/firefox-esr';
/** The test-hook Firefox build (LAPSE_TEST_HOOKS=1 LAPSE_BROWSER=firefox vite build). */
export const DIST_FIREFOX_TEST = resolve('dist-firefox-test');

/**
 * The Firefox tests use Debian's firefox-esr (nothing may download a browser build). Install it
 * where it is missing, or stop with a message that says how. Also stop early, with the command
 * to run, when the test build is missing.
 */
export default function ensureFirefox(): void {
  if (!existsSync(FIREFOX)) {
    console.log(`[firefox] ${FIREFOX} not found; installing Debian's firefox-esr (apt-get install -y firefox-esr)…`);
    try {
      execFileSync(
        'sh',
        ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr'],
        { stdio: 'inherit' },
      );
    } catch {
      // Fall through to the check below, which explains what to do.
    }
  }
  if (!existsSync(FIREFOX)) {
    throw new Error(
      'Firefox is needed for the Firefox tests and could not be installed. ' +
        'Install it with "sudo apt-get install -y firefox-esr", or point LAPSE_FIREFOX at a Firefox binary.',
    );
  }
  if (!existsSync(resolve(DIST_FIREFOX_TEST, 'manifest.json'))) {
    throw new Error(
      `${DIST_FIREFOX_TEST} is missing: build it with "npm run build:firefox-test" (npm test does this).`,
    );
  }
}
