import { jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { NotificationNewEvent } from '@kepai/contracts';
import { setupI18n } from '../../../i18n/i18n';
import { FakeSocket } from '../../room/hooks/fake-socket';

setupI18n('zh-CN');

// the page's one socket, as the bell's stream reads it, is a fake the test fires events on
const socket = new FakeSocket();
jest.unstable_mockModule('../../../lib/socket', () => ({
  auctionSocket: () => socket,
  resetAuctionSocket: () => undefined,
}));
const { NotificationBell } = await import('./NotificationBell');

const LOT = '0b8c1f9e-5d2a-4c1e-9f3b-2a7d6e4c8b10';
const OTHER = '7e1d2c3b-4a5f-4e6d-8c7b-9a0f1e2d3c4b';

function outbid(id: string, lotId: string, resultTitle = '固态电池电解质'): NotificationNewEvent {
  return {
    unread: 1,
    notification: {
      id,
      kind: 'outbid',
      payload: { lotId, resultTitle, price: 10_500_000, minNext: 11_000_000 },
      readAt: null,
      createdAt: '2026-11-22T09:30:00.000Z',
    },
  };
}

beforeEach(() => {
  globalThis.fetch = (() =>
    Promise.resolve({
      ok: true,
      status: 200,
      json: () => Promise.resolve({ unread: 0 }),
    } as Response)) as typeof fetch;
});

function showAt(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="*" element={<NotificationBell />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

/**
 * Every toast body shown since the page opened, in order: antd replaces and animates its notices,
 * so what is on screen at the end is not all that was shown.
 */
function watchToasts(): string[] {
  const seen: string[] = [];
  const observer = new MutationObserver(() => {
    for (const body of document.querySelectorAll('.ant-notification-notice-description')) {
      const text = body.textContent ?? '';
      if (!seen.includes(text)) seen.push(text);
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  observers.push(observer);
  return seen;
}
const observers: MutationObserver[] = [];

describe('NotificationBell toasts', () => {
  afterEach(() => {
    for (const observer of observers.splice(0)) observer.disconnect();
    cleanup();
    document.body.innerHTML = '';
  });

  it('counts but does not toast being outbid in that lot’s own live room', async () => {
    const toasts = watchToasts();
    showAt(`/lots/${LOT}`);
    await screen.findByTestId('notification-bell');
    await waitFor(() => expect(socket.handlers.get('notification:new')?.size).toBe(1));
    act(() => socket.fire('notification:new', outbid('n-1', LOT)));
    await waitFor(() =>
      expect(screen.getByTestId('notification-bell').dataset['unread']).toBe('1'),
    );
    // being outbid on another lot comes after it, and is the one toast shown
    act(() => socket.fire('notification:new', outbid('n-2', OTHER, '钠离子电池正极')));
    await waitFor(() => expect(toasts).toHaveLength(1));
    expect(toasts[0]).toContain('钠离子电池正极');
    expect(toasts.join()).not.toContain('固态电池电解质');
  });

  it('toasts being outbid in another lot’s room and away from the rooms', async () => {
    const toasts = watchToasts();
    const { unmount } = showAt(`/lots/${OTHER}`);
    await waitFor(() => expect(socket.handlers.get('notification:new')?.size).toBe(1));
    act(() => socket.fire('notification:new', outbid('n-3', LOT)));
    await waitFor(() => expect(toasts).toEqual([expect.stringContaining('固态电池电解质')]));
    unmount();

    showAt('/console/enterprise/bids');
    await waitFor(() => expect(socket.handlers.get('notification:new')?.size).toBe(1));
    act(() => socket.fire('notification:new', outbid('n-4', LOT, '钠离子电池正极')));
    await waitFor(() => expect(toasts).toHaveLength(2));
    expect(toasts[1]).toContain('钠离子电池正极');
  });
});
