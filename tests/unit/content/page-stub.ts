import { vi } from 'vitest';
import type { ContentMessage } from '../../../src/model/messages';
import type { SentPageReading } from '../../../src/model/reading';
import { quietAck } from './worker-acks';

/** An onMessage listener as the browser calls it (src/content/runtime.ts adapts the script's to this form). */
type PortableListener = (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => boolean;

/**
 * Chrome's runtime as a content script sees it, with a worker the test controls: `answer` decides
 * each reply (or throws, as Chrome does when the worker stopped before answering).
 */
export function stubExtension() {
  const ext = {
    sent: [] as ContentMessage[],
    listener: null as PortableListener | null,
    answer: (message: ContentMessage): unknown => quietAck(message),
  };
  vi.stubGlobal('chrome', {
    runtime: {
      id: 'lapse-test',
      sendMessage: (message: ContentMessage) => {
        ext.sent.push(structuredClone(message));
        try {
          const value = message.type === 'scan-requested' ? { scan: false } : ext.answer(message);
          return value === NO_ANSWER ? new Promise(() => {}) : Promise.resolve({ ok: true, value });
        } catch (error) {
          return Promise.reject(error);
        }
      },
      onMessage: {
        addListener: (l: PortableListener) => {
          ext.listener = l;
        },
        removeListener: () => {
          ext.listener = null;
        },
      },
    },
  });
  const readings = (): SentPageReading[] => ext.sent.flatMap((m) => (m.type === 'reading' ? [m.reading] : []));
  return { ext, readings };
}

/** `answer` returns this for a send Chrome never settles (the worker was stopped while it started). */
export const NO_ANSWER = Symbol('no answer');

/** What Chrome says when the worker was stopped while it handled the message. */
export const PORT_CLOSED =
  'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';
