import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe.each(['dist', 'dist-firefox'])('the built manifest in %s', (dir) => {
  const manifest = read(dir);

  it('declares no web-accessible resources, so LinkedIn cannot probe for Lapse', () => {
    expect(manifest).not.toHaveProperty('web_accessible_resources');
  });

  it('asks only for storage, alarms and activeTab, with no host permissions', () => {
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'alarms', 'storage']);
    // Notifications only when the user turns reminders on (Options), never at install.
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(manifest).not.toHaveProperty('host_permissions');
    expect(manifest).not.toHaveProperty('optional_host_permissions');
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
  });

  it('runs a content script only on the invitation manager and on the Connections list, each one classic script', () => {
    // One script per page Lapse reads, each only on its own page.
    expect(manifest.content_scripts.map((s: { matches: string[] }) => s.matches)).toEqual([
      ['https://www.linkedin.com/mynetwork/invitation-manager/*'],
      ['https://www.linkedin.com/mynetwork/invite-connect/connections/*'],
    ]);
    for (const script of manifest.content_scripts) {
      expect(script.js).toHaveLength(1);
      const code = readFileSync(join(dir, script.js[0]), 'utf8');
      expect(code).not.toMatch(/^\s*import[\s{*]/m);
      expect(code).not.toMatch(/\bimport\(/);
    }
  });

  it('keeps the default CSP (no remote code, no eval)', () => {
    expect(manifest).not.toHaveProperty('content_security_policy');
    for (const file of filesUnder(dir).filter((f) => f.endsWith('.js'))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(
        /https?:\/\/(?!www\.linkedin\.com)[a-z0-9.-]+\.[a-z]{2,}\/[^\s'"`]*\.js/,
      );
    }
  });
});

describe('browser-specific manifests', () => {
  it('Chrome gets a module service worker', () => {
    const manifest = read('dist');
    expect(manifest.background.service_worker).toMatch(/\.js$/);
    expect(manifest.background).not.toHaveProperty('scripts');
  });

  it('Firefox gets background scripts, a gecko id, a minimum version and no data collection', () => {
    const manifest = read('dist-firefox');
    expect(manifest.background.scripts).toHaveLength(1);
    expect(manifest.background).not.toHaveProperty('service_worker');
    const gecko = manifest.browser_specific_settings.gecko;
    expect(gecko.id).toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+$/);
    expect(Number.parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(142);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });
});
