import { afterEach, describe, expect, test, vi } from 'vitest';
import { onExtensionMessage, runtimeAlive, sendMessage, sendToBackground } from '../../../src/content/runtime';

type PortableListener = (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => boolean;

/** A runtime namespace as a browser gives it to a content script, recording what it is asked. */
function fakeRuntime(alive = true) {
  const listeners = new Set<PortableListener>();
  return {
    listeners,
    runtime: {
      // Undefined once the extension was reloaded under the page.
      id: alive ? 'lapse-test' : undefined,
      sendMessage: vi.fn(async (_message: unknown): Promise<unknown> => ({ ok: true, value: 'answer' })),
      onMessage: {
        addListener: (l: PortableListener) => listeners.add(l),
        removeListener: (l: PortableListener) => listeners.delete(l),
      },
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('which runtime', () => {
  test("Firefox's browser.runtime comes first, Chrome's chrome.runtime otherwise", async () => {
    const firefox = fakeRuntime();
    const chrome = fakeRuntime();
    vi.stubGlobal('browser', firefox);
    vi.stubGlobal('chrome', chrome);
    await sendMessage({ type: 'scan-requested' });
    expect(firefox.runtime.sendMessage).toHaveBeenCalledWith({ type: 'scan-requested' });
    expect(chrome.runtime.sendMessage).not.toHaveBeenCalled();

    vi.stubGlobal('browser', undefined);
    await sendMessage({ type: 'scan-requested' });
    expect(chrome.runtime.sendMessage).toHaveBeenCalledOnce();
  });

  test('a page element named "browser" is not taken for the extension', async () => {
    const chrome = fakeRuntime();
    vi.stubGlobal('browser', { id: 'browser', tagName: 'DIV' });
    vi.stubGlobal('chrome', chrome);
    expect(runtimeAlive()).toBe(true);
    await sendMessage({ type: 'scan-requested' });
    expect(chrome.runtime.sendMessage).toHaveBeenCalledOnce();
  });
});

describe('liveness', () => {
  test('alive while the runtime has an id; dead without one, without a runtime, or when asking throws', () => {
    vi.stubGlobal('chrome', fakeRuntime());
    expect(runtimeAlive()).toBe(true);
    vi.stubGlobal('chrome', fakeRuntime(false));
    expect(runtimeAlive()).toBe(false);
    vi.stubGlobal('chrome', {});
    expect(runtimeAlive()).toBe(false);
    vi.stubGlobal('chrome', {
      get runtime() {
        throw new Error("can't access dead object");
      },
    });
    expect(runtimeAlive()).toBe(false);
  });
});

describe('sending', () => {
  test("a dead context's synchronous throw comes back as a rejection", async () => {
    const chrome = fakeRuntime();
    chrome.runtime.sendMessage.mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    vi.stubGlobal('chrome', chrome);
    const sent = sendMessage({ type: 'scan-requested' });
    await expect(sent).rejects.toThrow(/context invalidated/);
  });

  test('no runtime at all reads as an invalidated context', async () => {
    vi.stubGlobal('chrome', {});
    await expect(sendMessage({ type: 'scan-requested' })).rejects.toThrow(/context invalidated/i);
  });

  test("sendToBackground returns the reply's value, and throws its error", async () => {
    const chrome = fakeRuntime();
    vi.stubGlobal('chrome', chrome);
    chrome.runtime.sendMessage.mockResolvedValueOnce({ ok: true, value: { scan: true } });
    await expect(sendToBackground({ type: 'scan-requested' })).resolves.toEqual({ scan: true });
    chrome.runtime.sendMessage.mockResolvedValueOnce({ ok: false, error: 'The ledger is unavailable' });
    await expect(sendToBackground({ type: 'scan-requested' })).rejects.toThrow('The ledger is unavailable');
    chrome.runtime.sendMessage.mockResolvedValueOnce(undefined);
    await expect(sendToBackground({ type: 'scan-requested' })).rejects.toThrow(/No reply/);
  });
});

describe('listening', () => {
  const listenWith = (answer: (message: unknown) => Promise<unknown> | undefined) => {
    const chrome = fakeRuntime();
    vi.stubGlobal('chrome', chrome);
    const stop = onExtensionMessage(answer);
    expect(chrome.listeners.size).toBe(1);
    const [listener] = chrome.listeners;
    return { chrome, stop, listener: listener! };
  };

  test('an answer goes back through sendResponse, the channel kept open for it', async () => {
    const { listener } = listenWith(async (message) => ({ ok: true, value: message }));
    const sendResponse = vi.fn();
    expect(listener({ type: 'scan-cancel' }, {}, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: true, value: { type: 'scan-cancel' } }));
  });

  test('a declined message is left to other listeners, unanswered', async () => {
    const { listener } = listenWith(() => undefined);
    const sendResponse = vi.fn();
    expect(listener({ type: 'delete-all' }, {}, sendResponse)).toBe(false);
    await new Promise((r) => setTimeout(r, 10));
    expect(sendResponse).not.toHaveBeenCalled();
  });

  test('a rejected answer goes back as a failed reply', async () => {
    const { listener } = listenWith(() => Promise.reject(new Error('boom')));
    const sendResponse = vi.fn();
    expect(listener({ type: 'scan-start' }, {}, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: false, error: 'Error: boom' }));
  });

  test('stopping removes the very listener that was added', () => {
    const { chrome, stop } = listenWith(() => undefined);
    stop();
    expect(chrome.listeners.size).toBe(0);
  });
});
