import type { NotificationView } from '@kepai/contracts';
import { lotRoomOf } from '../../../lib/routes';
import { bellToasts } from './toast';

const LOT = '0b8c1f9e-5d2a-4c1e-9f3b-2a7d6e4c8b10';
const OTHER = '7e1d2c3b-4a5f-4e6d-8c7b-9a0f1e2d3c4b';

function outbid(lotId: string | null): Pick<NotificationView, 'kind' | 'payload'> {
  return { kind: 'outbid', payload: { lotId, price: 10_500_000, minNext: 11_000_000 } };
}

describe('which new notifications the bell toasts', () => {
  it('knows the lot of a live room from the path, and nothing else', () => {
    expect(lotRoomOf(`/lots/${LOT}`)).toBe(LOT);
    expect(lotRoomOf(`/lots/${LOT}/`)).toBe(LOT);
    expect(lotRoomOf('/sessions/abc')).toBeNull();
    expect(lotRoomOf('/console/enterprise/bids')).toBeNull();
    expect(lotRoomOf('/lots')).toBeNull();
  });

  it('leaves being outbid to the open room of that lot', () => {
    expect(bellToasts(outbid(LOT), `/lots/${LOT}`)).toBe(false);
  });

  it('toasts being outbid anywhere else, another lot’s room included', () => {
    expect(bellToasts(outbid(LOT), '/')).toBe(true);
    expect(bellToasts(outbid(LOT), '/console/enterprise/bids')).toBe(true);
    expect(bellToasts(outbid(LOT), `/lots/${OTHER}`)).toBe(true);
    expect(bellToasts(outbid(null), `/lots/${LOT}`)).toBe(true);
  });

  it('toasts every other kind in the room too', () => {
    expect(bellToasts({ kind: 'lot_won', payload: { lotId: LOT } }, `/lots/${LOT}`)).toBe(true);
    expect(bellToasts({ kind: 'lot_lost', payload: { lotId: LOT } }, `/lots/${LOT}`)).toBe(true);
  });
});
