import { cleanup, render, screen } from '@testing-library/react';
import { App } from 'antd';
import type { LotSnapshot } from '@kepai/contracts';
import { setupI18n } from '../../../i18n/i18n';
import { PricePanel } from './PricePanel';

const i18n = setupI18n('zh-CN');

const lot: LotSnapshot = {
  id: 'lot-1',
  sessionId: 'session-1',
  resultId: 'result-1',
  status: 'open',
  price: null,
  leaderPaddle: null,
  bidCount: 0,
  lastSeq: 0,
  minNext: 10_000_000,
  reserveMet: false,
  paused: false,
  opensAt: '2026-11-22T09:00:00.000Z',
  closesAt: '2099-11-22T10:00:00.000Z',
  serverTime: '2026-11-22T09:30:00.000Z',
};

function show(snapshot: LotSnapshot, myPaddle: number | null = null) {
  return render(
    <App>
      <PricePanel
        lot={snapshot}
        session={undefined}
        bids={[]}
        myPaddle={myPaddle}
        offsetMs={0}
        extendedAt={null}
        going={null}
      />
    </App>,
  );
}

describe('PricePanel', () => {
  afterEach(async () => {
    cleanup();
    await i18n.changeLanguage('zh-CN');
  });

  it('says there is no bid yet rather than repeating the starting price', () => {
    show(lot);
    expect(screen.getByTestId('current-price').textContent).toBe('暂无出价');
    expect(screen.getByTestId('reserve-status').textContent).toBe('未达保留价');
    expect(screen.queryByTestId('leader-paddle')).toBeNull();
    expect(screen.getByTestId('countdown').dataset['phase']).toBe('closes');
  });

  it('shows the price, the leader by paddle number alone, and the bidder standing', () => {
    show({ ...lot, price: 12_850_000, leaderPaddle: 7, bidCount: 3, lastSeq: 3 }, 7);
    expect(screen.getByTestId('current-price').textContent).toBe('¥12.85万');
    expect(screen.getByTestId('leader-paddle').textContent).toBe('7');
    expect(screen.getByTestId('my-status').dataset['standing']).toBe('leading');
  });

  it('names the winning paddle and the hammer price once sold', async () => {
    await i18n.changeLanguage('en');
    show({ ...lot, status: 'sold', price: 12_850_000, leaderPaddle: 7, reserveMet: true });
    const outcome = screen.getByTestId('lot-outcome');
    expect(outcome.textContent).toBe('Sold to paddle 7 at ¥128,500');
    expect(outcome.dataset['outcome']).toBe('sold');
    expect(outcome.dataset['winnerPaddle']).toBe('7');
    expect(outcome.textContent).toContain(screen.getByTestId('leader-paddle').textContent);
    expect(screen.queryByTestId('countdown')).toBeNull();
  });

  it('tells the winning bidder they won, and names no winner of a lot not sold', () => {
    show({ ...lot, status: 'sold', price: 12_850_000, leaderPaddle: 7, reserveMet: true }, 7);
    expect(screen.getByTestId('my-status').dataset['standing']).toBe('won');
    cleanup();
    show({ ...lot, status: 'unsold', price: 9_000_000, leaderPaddle: 7 }, 7);
    expect(screen.getByTestId('lot-outcome').dataset['outcome']).toBe('unsold');
    expect(screen.getByTestId('lot-outcome').dataset['winnerPaddle']).toBeUndefined();
  });

  it('says a withdrawn lot was withdrawn', () => {
    show({ ...lot, status: 'withdrawn' });
    expect(screen.getByTestId('lot-outcome').textContent).toBe('本标的已撤拍');
  });
});
