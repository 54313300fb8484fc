import { setupI18n } from '../../../i18n/i18n';
import { refusalText } from './ack-text';

const i18n = setupI18n('zh-CN');

describe('refusals in plain words', () => {
  const t = i18n.getFixedT('zh-CN');
  const en = i18n.getFixedT('en');

  it('says how much a bid too low needs now', () => {
    expect(refusalText({ code: 'BID_TOO_LOW', minNext: 10_500_000 }, t, 'zh-CN')).toBe(
      '出价低于当前最低加价，现在至少需要出价 ¥10.5万',
    );
    expect(refusalText({ code: 'BID_TOO_LOW', minNext: 10_500_000 }, en, 'en')).toContain(
      '¥105,000',
    );
  });

  it('maps other codes through errors.*', () => {
    expect(refusalText({ code: 'LOT_CLOSED' }, t, 'zh-CN')).toBe('本标的已结束');
    expect(refusalText({ code: 'DEPOSIT_UNCONFIRMED' }, t, 'zh-CN')).toBe(
      '保证金尚未确认，暂不能出价',
    );
  });

  it('says a hammer was refused because of a newer bid', () => {
    expect(refusalText({ code: 'CONFLICT' }, t, 'zh-CN', 'control')).toContain('新的出价');
    expect(refusalText({ code: 'CONFLICT' }, t, 'zh-CN', 'bid')).toBe('状态已变化，请刷新后再试');
  });
});
