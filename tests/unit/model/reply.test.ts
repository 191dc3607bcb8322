import { describe, expect, test } from 'vitest';
import { ContentReplies } from '../../../src/model/content-replies';
import { PageReplies } from '../../../src/model/messages';
import { RemoteError, typedSender, unwrap } from '../../../src/shared/reply';

describe('replies are checked on arrival against the reply schema of their message', () => {
  test('a well-formed reply gives its value', () => {
    expect(unwrap(ContentReplies['scan-requested'], { ok: true, value: { scan: true } })).toEqual({ scan: true });
  });

  test("a reply of another message's shape is refused, not handed on as if it were right", () => {
    expect(() => unwrap(ContentReplies.reading, { ok: true, value: { scan: true } })).toThrow(/Invalid reply/);
  });

  test("the worker's error is thrown again on the sender's side; no reply at all is an error too", () => {
    expect(() => unwrap(ContentReplies.reading, { ok: false, error: 'The ledger is unavailable' })).toThrow(
      new RemoteError('The ledger is unavailable'),
    );
    expect(() => unwrap(ContentReplies.reading, undefined)).toThrow(/No reply/);
  });

  test("only the worker's silence is marked silent: its own words are shown as they are", () => {
    const thrown = (reply: unknown) => {
      try {
        unwrap(ContentReplies.reading, reply);
      } catch (error) {
        return error instanceof RemoteError ? error.silent : 'not a RemoteError';
      }
      return 'nothing thrown';
    };
    expect(thrown(undefined)).toBe(true);
    expect(thrown({ ok: false })).toBe(true);
    expect(thrown({ ok: false, error: '' })).toBe(true);
    expect(thrown({ ok: false, error: 'The ledger is unavailable' })).toBe(false);
  });

  test('a typed sender picks the schema from the message type', async () => {
    const send = typedSender(PageReplies, async () => ({ ok: true, value: { deleted: 3 } }));
    await expect(send({ type: 'delete-all' })).resolves.toEqual({ deleted: 3 });
    await expect(send({ type: 'get-accounts' })).rejects.toThrow(/Invalid reply/);
  });
});
