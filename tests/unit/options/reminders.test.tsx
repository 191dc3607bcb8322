// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Options } from '../../../src/options/Options';
import { loadSettings, saveSettings } from '../../../src/shared/settings-store';
import { browser, resetFakeBrowser } from '../popup/fake-browser';
import { NOW } from '../popup/records';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../popup/fake-browser')).browser }));

/** The browser's permission prompt, answered as the test says; what Lapse holds, as the browser keeps it. */
function permissionPrompt(answer: boolean) {
  let granted = false;
  const permissions = {
    contains: vi.fn(async () => granted),
    request: vi.fn(async () => {
      granted = answer;
      return answer;
    }),
    remove: vi.fn(async () => {
      granted = false;
      return true;
    }),
  };
  Object.assign(browser, { permissions });
  return permissions;
}

beforeEach(() => {
  resetFakeBrowser();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function renderOptions() {
  render(<Options />);
  await screen.findByRole('heading', { name: 'Reminder notifications' });
}

const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;

describe('options: reminders', () => {
  it('are off by default, and asking for nothing until the user turns them on', async () => {
    const permissions = permissionPrompt(true);
    await renderOptions();
    expect(radio('Off').checked).toBe(true);
    expect(permissions.request).not.toHaveBeenCalled();
    expect((await loadSettings()).reminders).toBe('off');
  });

  it('ask for the notifications permission when turned on, and save the choice once granted', async () => {
    const permissions = permissionPrompt(true);
    await renderOptions();
    fireEvent.click(radio('At most one a day'));
    expect(permissions.request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    await waitFor(async () => expect((await loadSettings()).reminders).toBe('daily'));
    expect(radio('At most one a day').checked).toBe(true);
  });

  it('stay off, and say why, when the user refuses the permission', async () => {
    permissionPrompt(false);
    await renderOptions();
    fireEvent.click(radio('Weekly digest'));
    await screen.findByText('Notifications were not allowed, so reminders stay off.');
    expect((await loadSettings()).reminders).toBe('off');
    expect(radio('Off').checked).toBe(true);
  });

  it('turned off, give the permission back', async () => {
    const permissions = permissionPrompt(true);
    await renderOptions();
    fireEvent.click(radio('Weekly digest'));
    await waitFor(async () => expect((await loadSettings()).reminders).toBe('weekly'));
    fireEvent.click(radio('Off'));
    await waitFor(() => expect(permissions.remove).toHaveBeenCalledWith({ permissions: ['notifications'] }));
    expect((await loadSettings()).reminders).toBe('off');
  });

  it('on in a browser without the permission (settings synced from another), say so and offer to allow it', async () => {
    const permissions = permissionPrompt(true);
    await saveSettings({ reminders: 'daily' });
    await renderOptions();
    await screen.findByText(/this browser does not allow Lapse’s notifications/);
    fireEvent.click(screen.getByRole('button', { name: 'Allow notifications' }));
    await waitFor(() => expect(screen.queryByText(/this browser does not allow/)).toBeNull());
    expect(permissions.request).toHaveBeenCalledOnce();
  });
});
