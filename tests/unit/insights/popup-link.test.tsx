// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { StatusLine } from '../../../src/popup/StatusLine';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../popup/fake-browser')).browser }));
afterEach(cleanup);

it('the popup header links to the Insights page, opened in a new tab beside the popup', () => {
  const noop = () => undefined;
  render(
    <StatusLine
      counts={null}
      badgeWeeks={3}
      lastReading={null}
      scan={null}
      onOpenSentPage={noop}
      onScanAll={noop}
      onCancelScan={noop}
    />,
  );
  const link = screen.getByRole('link', { name: 'Insights' });
  // The popup is built to src/popup/index.html and the page to src/insights/index.html (vite.config.ts).
  expect(new URL(link.getAttribute('href') ?? '', 'chrome-extension://id/src/popup/index.html').pathname).toBe(
    '/src/insights/index.html',
  );
  expect(link.getAttribute('target')).toBe('_blank');
});
