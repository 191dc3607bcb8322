import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InvitationRecord } from '../../../src/model/invitation';
import { closeSharedDb } from '../../../src/store/db';
import { DAY, person, reading, T0 } from '../store/builders';
import { createFakeBrowser, type FakeBrowser, LINKEDIN_SENDER, POPUP_SENDER } from './fake-browser';

const fake = vi.hoisted(() => ({ browser: null as unknown as FakeBrowser }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_, key) => (fake.browser as unknown as Record<string | symbol, unknown>)[key] }),
}));

const { handleMessage } = await import('../../../src/background/handlers');

const send = (message: unknown, sender: object = POPUP_SENDER) => handleMessage(message, sender as never);
const ada = async () => {
  const reply = await send({ type: 'get-ledger' });
  if (!reply.ok) throw new Error(reply.error);
  return (reply.value as { records: InvitationRecord[] }).records.find((r) => r.id === 'ada')!;
};

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(async () => {
  fake.browser = createFakeBrowser();
  globalThis.indexedDB = new IDBFactory();
  closeSharedDb();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  await send({ type: 'reading', reading: reading(T0, [person('ada', T0)]) }, LINKEDIN_SENDER);
});
afterEach(() => {
  closeSharedDb();
  vi.useRealTimers();
  warn.mockRestore();
});

describe('follow-up and snooze messages', () => {
  it('log, undo, snooze and wake go through the worker, each stamped with its clock', async () => {
    vi.setSystemTime(T0 + 1000);
    const followUp = { at: T0 + 500, channel: 'inmail', template: 'act-now' };
    expect(await send({ type: 'log-follow-up', id: 'ada', followUp })).toEqual({ ok: true, value: null });
    expect(await ada()).toMatchObject({ followUps: [followUp], followUpsChangedAt: T0 + 1000 });

    vi.setSystemTime(T0 + 2000);
    await send({ type: 'snooze', id: 'ada', until: T0 + 3 * DAY });
    expect(await ada()).toMatchObject({ snoozedUntil: T0 + 3 * DAY, snoozeChangedAt: T0 + 2000 });

    vi.setSystemTime(T0 + 3000);
    await send({ type: 'undo-follow-up', id: 'ada', at: T0 + 500 });
    await send({ type: 'wake', id: 'ada' });
    expect(await ada()).toMatchObject({ followUps: [], snoozedUntil: null, snoozeChangedAt: T0 + 3000 });
  });

  it.each([
    ['an unknown channel', { type: 'log-follow-up', id: 'ada', followUp: { at: T0, channel: 'fax' } }, /channel/],
    ['an unknown template', { type: 'log-follow-up', id: 'ada', followUp: { at: T0, template: 'spam' } }, /template/],
    ['a date as text', { type: 'snooze', id: 'ada', until: '2026-12-24' }, /until/],
    ['a moment before LinkedIn', { type: 'undo-follow-up', id: 'ada', at: 0 }, /at/],
    ['no id', { type: 'wake', id: '' }, /id/],
  ])('refuses %s, naming the field, and changes nothing', async (_, message, field) => {
    const before = await ada();
    const reply = await send(message);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(field);
    expect(await ada()).toEqual(before);
  });

  it('a LinkedIn page can neither log a follow-up nor snooze', async () => {
    const before = await ada();
    expect((await send({ type: 'log-follow-up', id: 'ada', followUp: { at: T0 } }, LINKEDIN_SENDER)).ok).toBe(false);
    expect((await send({ type: 'snooze', id: 'ada', until: T0 + DAY }, LINKEDIN_SENDER)).ok).toBe(false);
    expect(await ada()).toEqual(before);
  });
});
