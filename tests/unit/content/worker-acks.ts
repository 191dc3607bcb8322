import type { ContentReplies } from '../../../src/model/content-replies';
import type { ContentMessage } from '../../../src/model/messages';

/**
 * What the worker answers a content message it applied, changing nothing: the shape the content
 * scripts check each reply against (src/model/content-replies.ts), so a fake worker's answer is
 * taken as delivered.
 */
export function quietAck(message: ContentMessage): ContentReplies[ContentMessage['type']] {
  switch (message.type) {
    case 'reading':
      return { added: 0, updated: 0, markedGone: 0, ignored: message.reading.failed };
    case 'withdraw-observed':
      return { matched: false };
    case 'scan-progress':
      return null;
    case 'scan-requested':
      return { scan: false };
    case 'connections-reading':
      return { matched: 0, accepted: 0, ignored: message.reading.failed };
  }
}
