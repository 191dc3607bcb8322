#!/usr/bin/env node
// @ts-check
/**
 * Packs the two builds for the stores: dist/ → release/lapse-chrome-<version>.zip and
 * dist-firefox/ → release/lapse-firefox-<version>.zip. Run after `npm run build:all`
 * (`npm run zip` does both). Files are stored in a stable order with a fixed date, so the
 * same build gives the same zip.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { zipSync } from 'fflate';

const root = resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const FIXED_DATE = new Date('2020-01-01T00:00:00Z');

/**
 * @param {string} dir
 * @returns {string[]}
 */
function filesUnder(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/**
 * @param {string} buildDir
 * @param {'chrome' | 'firefox'} browser
 */
function pack(buildDir, browser) {
  const dir = join(root, buildDir);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`${buildDir}/manifest.json is missing: run "npm run build:all" first.`);
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  if (manifest.version !== version) {
    throw new Error(`${buildDir} is version ${manifest.version}, package.json says ${version}: rebuild.`);
  }
  /** @type {import('fflate').Zippable} */
  const entries = {};
  for (const file of filesUnder(dir)) {
    entries[relative(dir, file).split('\\').join('/')] = [readFileSync(file), { mtime: FIXED_DATE }];
  }
  const out = join(root, 'release', `lapse-${browser}-${version}.zip`);
  mkdirSync(join(root, 'release'), { recursive: true });
  writeFileSync(out, zipSync(entries, { level: 9 }));
  console.log(`${relative(root, out)}  ${Object.keys(entries).length} files, ${statSync(out).size} bytes`);
}

pack('dist', 'chrome');
pack('dist-firefox', 'firefox');
