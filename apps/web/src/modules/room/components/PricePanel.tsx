import { Alert, Card, Tag } from 'antd';
import { Trans, useTranslation } from 'react-i18next';
import type { BidHistoryItem, LotSnapshot, SessionView } from '@kepai/contracts';
import { formatFen } from '../../../lib/money';
import { Money } from '../../../ui/Money';
import type { GoingCall } from '../hooks/useLotRoom';
import { isEnded, myStanding, type MyStanding } from '../logic/lot-state';
import { Countdown } from './Countdown';
import { LotStatusTag } from './LotStatusTag';

const STANDING_TYPE: Record<Exclude<MyStanding, 'none'>, 'success' | 'warning' | 'info'> = {
  leading: 'success',
  won: 'success',
  outbid: 'warning',
  lost: 'info',
};

/** The lot's end in words: sold to a paddle at a price, unsold, or withdrawn. */
function Outcome({ lot }: { lot: LotSnapshot }) {
  const { t, i18n } = useTranslation();
  let text: string;
  // the winner's paddle alone, for whoever reads the outcome by machine (tests, assistive tools)
  let winner: number | undefined;
  if (lot.status === 'sold' && lot.leaderPaddle !== null && lot.price !== null) {
    winner = lot.leaderPaddle;
    text = t('room.outcome.sold', {
      paddle: lot.leaderPaddle,
      price: formatFen(lot.price, i18n.language),
    });
  } else if (lot.status === 'withdrawn') {
    text = t('room.outcome.withdrawn');
  } else {
    text = t('room.outcome.unsold');
  }
  return (
    <Alert
      type={lot.status === 'sold' ? 'success' : 'info'}
      showIcon
      className="my-status"
      title={
        <span
          className="lot-outcome"
          data-testid="lot-outcome"
          data-outcome={lot.status}
          data-winner-paddle={winner}
        >
          {text}
        </span>
      }
    />
  );
}

/**
 * The heart of the room: the current price, large, who leads (by paddle), how many bids, whether
 * the reserve is met, the countdown by the server's clock, the host's going calls, and how the
 * signed-in bidder stands.
 */
export function PricePanel({
  lot,
  session,
  bids,
  myPaddle,
  offsetMs,
  extendedAt,
  going,
}: {
  lot: LotSnapshot;
  session: SessionView | undefined;
  bids: BidHistoryItem[];
  myPaddle: number | null;
  offsetMs: number;
  extendedAt: number | null;
  going: GoingCall | null;
}) {
  const { t } = useTranslation();
  const ended = isEnded(lot.status);
  const standing = myStanding(lot, bids, myPaddle);
  return (
    <Card>
      <div className="room-meta">
        <LotStatusTag status={lot.status} paused={lot.paused} />
        <Tag
          color={lot.reserveMet ? 'green' : 'default'}
          data-testid="reserve-status"
          data-met={lot.reserveMet ? 'true' : 'false'}
        >
          {lot.reserveMet ? t('room.reserve.met') : t('room.reserve.notMet')}
        </Tag>
      </div>
      <p className="price-label">
        {lot.status === 'sold' ? t('room.price.hammer') : t('room.price.current')}
      </p>
      <div aria-live="polite" aria-atomic="true">
        {/* the key restarts the flash on every new price */}
        <strong
          key={lot.lastSeq}
          className={lot.lastSeq > 0 ? 'price-big price-flash' : 'price-big'}
          data-testid="current-price"
        >
          {lot.price === null ? t('room.noBids') : <Money fen={lot.price} />}
        </strong>
      </div>
      <dl className="price-facts">
        <div>
          <dt>{t('room.price.leader')}</dt>
          <dd>
            {lot.leaderPaddle === null ? (
              <span className="muted">{t('room.noBids')}</span>
            ) : (
              <Trans
                i18nKey="room.paddle"
                values={{ paddle: lot.leaderPaddle }}
                components={{ n: <span data-testid="leader-paddle" /> }}
              />
            )}
          </dd>
        </div>
        <div>
          <dt>{t('room.price.bidCount')}</dt>
          <dd data-testid="bid-count">{lot.bidCount}</dd>
        </div>
        {!ended && (
          <div>
            <dt>{lot.price === null ? t('room.price.starting') : t('room.price.minNext')}</dt>
            <dd>
              <Money fen={lot.minNext} />
            </dd>
          </div>
        )}
      </dl>
      {!ended && (
        <Countdown
          lot={lot}
          format={session?.format ?? null}
          softCloseSeconds={session?.softCloseSeconds ?? 0}
          offsetMs={offsetMs}
          extendedAt={extendedAt}
        />
      )}
      {going !== null && !ended && (
        <strong
          className="going-call"
          data-testid="going-call"
          data-call={going.call}
          role="status"
        >
          {going.call === 1 ? t('room.going.once') : t('room.going.twice')}
        </strong>
      )}
      {ended && <Outcome lot={lot} />}
      {standing !== 'none' && (
        <Alert
          className="my-status"
          type={STANDING_TYPE[standing]}
          showIcon
          data-testid="my-status"
          data-standing={standing}
          title={t(`room.standing.${standing}`, { paddle: myPaddle })}
        />
      )}
    </Card>
  );
}
