import { useQueryClient } from '@tanstack/react-query';
import { App, Breadcrumb, Result, Tag } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { BidOutbidEvent } from '@kepai/contracts';
import { ApiError } from '../../../lib/http';
import { formatFen } from '../../../lib/money';
import { queryKeys } from '../../../lib/query-keys';
import { QueryState } from '../../../ui/QueryState';
import { useMe } from '../../auth/hooks/useMe';
import { useAuctionSocket } from '../hooks/useAuctionSocket';
import { useLotRoom } from '../hooks/useLotRoom';
import { useServerClock } from '../hooks/useServerClock';
import { isEnded } from '../logic/lot-state';
import { useMyRegistration } from '../hooks/useSessions';
import { BidAccess } from './BidAccess';
import { BidHistory } from './BidHistory';
import { BidPanel } from './BidPanel';
import { BrokerControls } from './BrokerControls';
import { ConnectionState, type RoomConnection } from './ConnectionState';
import { PriceChart } from './PriceChart';
import { PricePanel } from './PricePanel';
import '../room.css';

const NO_BIDS: never[] = [];

function LiveRoom({ lotId }: { lotId: string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const { notification } = App.useApp();
  const me = useMe();
  const user = me.data ?? null;
  const { socket, state: socketState, reconnect } = useAuctionSocket(user !== null);
  const clock = useServerClock(socket);

  const onOutbid = useCallback(
    (event: BidOutbidEvent) => {
      notification.warning({
        key: `outbid-${event.lotId}`,
        title: t('room.outbid'),
        description: (
          <div data-testid="outbid-toast" className="outbid-toast">
            {t('room.outbidBody', {
              price: formatFen(event.price, i18n.language),
              minNext: formatFen(event.minNext, i18n.language),
            })}
          </div>
        ),
        placement: 'top',
        duration: 6,
      });
    },
    [notification, t, i18n.language],
  );

  const room = useLotRoom(lotId, {
    socket,
    offsetMs: clock.offsetMs,
    onClockSample: clock.addSample,
    onOutbid,
  });
  const lot = room.snapshot.data;
  const session = room.session.data;
  const summary = session?.lots.find((item) => item.id === lotId);
  const isEnterprise = user?.organisation.type === 'enterprise';
  const registration = useMyRegistration(lot?.sessionId, isEnterprise);
  const mine = registration.data;
  const myPaddle = mine?.depositStatus === 'confirmed' ? mine.paddle : null;
  const hosting =
    user !== null && session !== undefined && session.host.id === user.organisation.id;

  // a deposit confirmed while in the room: join again, so this bidder is told when outbid
  const { rejoin } = room;
  const paddleSeen = useRef<number | null | undefined>(undefined);
  useEffect(() => {
    if (registration.isPending) return;
    const before = paddleSeen.current;
    paddleSeen.current = myPaddle;
    if (before === null && myPaddle !== null) rejoin();
  }, [registration.isPending, myPaddle, rejoin]);

  let connection: RoomConnection;
  let detail: 'live' | 'joining' | 'reconnecting' | 'visitor' | 'offline';
  if (user === null) {
    connection = 'offline';
    detail = 'visitor';
  } else if (socketState === 'connected') {
    connection = room.joined ? 'connected' : 'reconnecting';
    detail = room.joined ? 'live' : 'joining';
  } else {
    connection = socketState;
    detail = socketState === 'reconnecting' ? 'reconnecting' : 'offline';
  }

  if (room.snapshot.error instanceof ApiError && [400, 404].includes(room.snapshot.error.status)) {
    return (
      <Result
        status="404"
        title={t('room.notFound')}
        extra={<Link to="/sessions">{t('room.session.backToList')}</Link>}
      />
    );
  }

  const bids = room.bids.data ?? NO_BIDS;
  const title = summary?.result.title;

  return (
    <section aria-labelledby="room-title">
      <Breadcrumb
        className="form-alert"
        items={[
          { key: 'sessions', title: <Link to="/sessions">{t('nav.sessions')}</Link> },
          session
            ? { key: 'session', title: <Link to={`/sessions/${session.id}`}>{session.title}</Link> }
            : { key: 'session', title: '…' },
          { key: 'lot', title: t('room.breadcrumb') },
        ]}
      />
      <header className="room-head">
        <div>
          <h1 id="room-title" className="room-title" data-testid="lot-title">
            {summary ? (
              <Link to={`/results/${summary.result.id}`}>{title}</Link>
            ) : (
              t('room.breadcrumb')
            )}
          </h1>
          {summary && (
            <div className="room-meta muted">
              <span>{summary.result.institute.name}</span>
              <Tag>{t(`modes.${summary.mode}`)}</Tag>
              {session && (
                <Tag color={session.format === 'live' ? 'volcano' : 'geekblue'}>
                  {t(`format.${session.format}`)}
                </Tag>
              )}
            </div>
          )}
        </div>
        <div className="room-meta">
          <ConnectionState
            state={connection}
            detail={detail}
            onReconnect={user !== null && socketState === 'offline' ? reconnect : undefined}
          />
          <span data-testid="watchers" className="muted">
            {room.watchers === null
              ? t('room.watchersUnknown')
              : t('room.watchers', { count: room.watchers })}
          </span>
        </div>
      </header>
      {room.joinError !== null && (
        <p role="alert" className="bid-field-error">
          {t(`errors.${room.joinError}`, { defaultValue: t('errors.INTERNAL') })}
        </p>
      )}
      <QueryState query={room.snapshot}>
        {(snapshot) => (
          <div className="room-grid">
            <div className="room-stack">
              <PricePanel
                lot={snapshot}
                session={session}
                bids={bids}
                myPaddle={myPaddle}
                offsetMs={clock.offsetMs}
                extendedAt={room.extendedAt}
                going={room.going}
              />
              {isEnded(snapshot.status) ? null : myPaddle !== null && isEnterprise ? (
                <BidPanel
                  lot={snapshot}
                  socket={socket}
                  paddle={myPaddle}
                  onStale={() =>
                    void client.invalidateQueries({ queryKey: queryKeys.lot(lotId), exact: true })
                  }
                />
              ) : (
                session && (
                  <BidAccess
                    user={user}
                    registration={isEnterprise ? mine : undefined}
                    sessionId={session.id}
                    lotId={lotId}
                    hosting={hosting}
                  />
                )
              )}
              {hosting && session && (
                <BrokerControls
                  lot={snapshot}
                  format={session.format}
                  socket={socket}
                  lastSeqSeen={room.lastSeqSeen}
                  going={room.going}
                  onSnapshot={room.applySnapshot}
                />
              )}
            </div>
            <div className="room-stack">
              <PriceChart bids={bids} />
              <BidHistory bids={bids} myPaddle={myPaddle} loading={room.bids.isPending} />
            </div>
          </div>
        )}
      </QueryState>
    </section>
  );
}

/** `/lots/:id`: the live room of one lot. */
export function LiveRoomPage() {
  const { id } = useParams();
  // a room per lot: leaving one and joining another starts from a clean slate
  return id ? <LiveRoom key={id} lotId={id} /> : null;
}
