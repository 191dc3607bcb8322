import { describe, expect, it } from 'vitest';
import { InvitationRecord } from '../../../src/model/invitation';
import { ContentMessage, PageMessage } from '../../../src/model/messages';
import { SentPageReading } from '../../../src/model/reading';
import { parseOrThrow, ValidationError } from '../../../src/model/validate';

const T = Date.UTC(2026, 4, 20, 9, 30);

const validRecord = (): InvitationRecord => ({
  id: 'jane-doe',
  profileUrl: 'https://www.linkedin.com/in/jane-doe/',
  name: 'Jane Doe',
  headline: 'Product designer at Acme',
  sentLabel: 'Sent 3 weeks ago',
  sent: { earliest: T - 28 * 86_400_000, latest: T - 17 * 86_400_000 },
  conflicts: [],
  firstSeenAt: T,
  lastSeenAt: T,
  status: 'pending',
  statusChangedAt: T,
  statusSetBy: 'scan',
  hidden: false,
  note: null,
  inviteMessage: null,
});

const validReading = () => ({
  url: 'https://www.linkedin.com/mynetwork/invitation-manager/sent/',
  observedAt: T,
  loadedAt: T - 60_000,
  language: 'en',
  invitations: [
    {
      profileUrl: 'https://www.linkedin.com/in/jane-doe/',
      name: 'Jane Doe',
      headline: null,
      sentLabel: 'Sent 3 weeks ago',
      sent: { earliest: T - 28 * 86_400_000, latest: T - 17 * 86_400_000 },
    },
  ],
  total: 1,
  skipped: 0,
  unreadable: 0,
  complete: true,
  failed: false,
  failure: null,
});

/** The message of the ValidationError thrown for `data`, or a failure if nothing was thrown. */
function rejection(schema: Parameters<typeof parseOrThrow>[0], data: unknown, what: string): string {
  try {
    parseOrThrow(schema, data, what);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).message;
  }
  throw new Error('expected the data to be rejected');
}

describe('InvitationRecord', () => {
  it('accepts a well-formed record as it is', () => {
    expect(parseOrThrow(InvitationRecord, validRecord(), 'invitation')).toEqual(validRecord());
  });

  it.each([
    ['profileUrl', { profileUrl: 'https://www.linkedin.com/in/jane-doe/?trk=1' }],
    ['profileUrl', { profileUrl: 'http://www.linkedin.com/in/jane-doe/' }],
    ['profileUrl', { profileUrl: 'https://evil.example/in/jane-doe/' }],
    ['id', { id: '' }],
    ['name', { name: '' }],
    ['name', { name: 'x'.repeat(501) }],
    ['headline', { headline: 42 }],
    ['sent.earliest', { sent: { earliest: T, latest: T - 1 } }],
    ['sent.latest', { sent: { earliest: T, latest: -1 } }],
    ['sent.earliest', { sent: { earliest: 1.5, latest: T } }],
    ['firstSeenAt', { firstSeenAt: -1 }],
    ['lastSeenAt', { lastSeenAt: '2026-05-20' }],
    ['status', { status: 'lost' }],
    ['statusSetBy', { statusSetBy: 'linkedin' }],
    ['hidden', { hidden: 'no' }],
    ['note', { note: 'x'.repeat(5001) }],
    [
      'conflicts.0.kept.earliest',
      { conflicts: [{ at: T, kept: { earliest: 2, latest: 1 }, rejected: { earliest: 0, latest: 1 } }] },
    ],
  ])('rejects a bad %s, naming it', (path, change) => {
    const message = rejection(InvitationRecord, { ...validRecord(), ...change }, 'invitation');
    expect(message).toMatch(/^Invalid invitation: /);
    expect(message).toContain(`${path}:`);
  });

  it('names a missing field', () => {
    const { hidden: _, ...withoutHidden } = validRecord();
    expect(rejection(InvitationRecord, withoutHidden, 'invitation')).toContain('hidden:');
  });

  it('names every bad field at once', () => {
    const message = rejection(InvitationRecord, { ...validRecord(), name: '', status: 'lost' }, 'invitation');
    expect(message).toContain('name:');
    expect(message).toContain('status:');
  });

  it('says "(root)" when the whole value is wrong', () => {
    expect(rejection(InvitationRecord, 'jane', 'invitation')).toContain('(root):');
  });
});

describe('SentPageReading', () => {
  it('accepts a well-formed reading', () => {
    expect(() => parseOrThrow(SentPageReading, validReading(), 'reading')).not.toThrow();
  });

  it.each([
    [
      'invitations.0.profileUrl',
      (r: ReturnType<typeof validReading>) => ({
        ...r,
        invitations: [{ ...r.invitations[0], profileUrl: '/in/jane-doe/' }],
      }),
    ],
    [
      'invitations.0.sent.earliest',
      (r: ReturnType<typeof validReading>) => ({
        ...r,
        invitations: [{ ...r.invitations[0], sent: { earliest: T, latest: 0 } }],
      }),
    ],
    ['total', (r: ReturnType<typeof validReading>) => ({ ...r, total: -1 })],
    ['observedAt', (r: ReturnType<typeof validReading>) => ({ ...r, observedAt: Number.NaN })],
    // A list cannot have been loaded after it was looked at.
    ['loadedAt', (r: ReturnType<typeof validReading>) => ({ ...r, loadedAt: r.observedAt + 1 })],
    ['complete', (r: ReturnType<typeof validReading>) => ({ ...r, complete: 'yes' })],
  ])('rejects a bad %s, naming it', (path, spoil) => {
    expect(rejection(SentPageReading, spoil(validReading()), 'reading')).toContain(`${path}:`);
  });
});

describe('messages', () => {
  it('accepts a reading from the content script', () => {
    expect(() => parseOrThrow(ContentMessage, { type: 'reading', reading: validReading() }, 'message')).not.toThrow();
  });

  it('rejects an unknown message type, naming the field', () => {
    expect(rejection(ContentMessage, { type: 'delete-everything' }, 'message')).toContain('type:');
  });

  it('names the bad field inside a message', () => {
    const reading = { ...validReading(), skipped: -3 };
    expect(rejection(ContentMessage, { type: 'reading', reading }, 'message')).toContain('reading.skipped:');
  });

  it('a user may set pending, accepted or withdrawn, but never "gone" (only a scan can know that)', () => {
    expect(() =>
      parseOrThrow(PageMessage, { type: 'set-status', id: 'jane-doe', status: 'accepted' }, 'message'),
    ).not.toThrow();
    expect(rejection(PageMessage, { type: 'set-status', id: 'jane-doe', status: 'gone' }, 'message')).toContain(
      'status:',
    );
    expect(rejection(PageMessage, { type: 'set-status', id: '', status: 'accepted' }, 'message')).toContain('id:');
  });
});
