// @ts-check
/**
 * Debian's Chromium with the built extension, as the demo, the benchmark and the browser tests
 * all launch it. Nothing may download a browser build: a missing Chromium is installed from
 * Debian's packages, or the error says how.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.LAPSE_CHROMIUM ?? '/usr/bin/chromium';

/** Installs Debian's chromium where it is missing. */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  console.log(`${CHROMIUM} not found; installing Debian's chromium (apt-get install -y chromium)…`);
  try {
    execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], {
      stdio: 'inherit',
    });
  } catch {
    // Explained below.
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      'Chromium is needed and could not be installed: install it with "sudo apt-get install -y chromium", ' +
        'or point LAPSE_CHROMIUM at a Chromium binary.',
    );
  }
}

/**
 * Launch flags verified on these machines (shared/reference/style-examples.md): the unpacked
 * extension at `dist`, and Chromium's own background networking off (the network is closed).
 * @param {string} dist
 * @param {boolean} headless
 * @returns {string[]}
 */
export function extensionArgs(dist, headless) {
  return [
    ...(headless ? ['--headless=new'] : []),
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}
