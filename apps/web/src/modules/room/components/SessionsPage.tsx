import { Card, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionView } from '@kepai/contracts';
import { Money } from '../../../ui/Money';
import { QueryState } from '../../../ui/QueryState';
import { useSessions } from '../hooks/useSessions';
import { formatDateTime } from '../logic/format';
import { openLotCount, sessionPhase, sortSessions, type SessionPhase } from '../logic/sessions';
import '../room.css';

const PHASE_COLOUR: Record<SessionPhase, string> = {
  open: 'red',
  upcoming: 'blue',
  ended: 'default',
};

export function SessionPhaseTag({ session }: { session: Pick<SessionView, 'lots'> }) {
  const { t } = useTranslation();
  const phase = sessionPhase(session);
  return <Tag color={PHASE_COLOUR[phase]}>{t(`room.phase.${phase}`)}</Tag>;
}

function SessionCard({ session }: { session: SessionView }) {
  const { t, i18n } = useTranslation();
  const open = openLotCount(session);
  return (
    <Card data-testid="session-card" className="session-card">
      <div className="session-card-tags">
        <SessionPhaseTag session={session} />
        <Tag color={session.format === 'live' ? 'volcano' : 'geekblue'}>
          {t(`format.${session.format}`)}
        </Tag>
      </div>
      <h2 className="session-card-title">
        <Link to={`/sessions/${session.id}`}>{session.title}</Link>
      </h2>
      <dl className="facts">
        <dt>{t('room.session.host')}</dt>
        <dd>{session.host.name}</dd>
        <dt>{t('room.session.deposit')}</dt>
        <dd>
          <Money fen={session.depositAmount} />
        </dd>
        <dt>{t('room.session.startsAt')}</dt>
        <dd>{formatDateTime(session.startsAt, i18n.language)}</dd>
        <dt>{t('room.session.lots')}</dt>
        <dd>
          {t('room.session.lotCount', { count: session.lots.length })}
          {open > 0 && (
            <>
              {' · '}
              <strong className="open-now">{t('room.session.openNow', { count: open })}</strong>
            </>
          )}
        </dd>
      </dl>
    </Card>
  );
}

/** `/sessions`: every auction session, bidding now first. */
export function SessionsPage() {
  const { t } = useTranslation();
  const sessions = useSessions();
  return (
    <section aria-labelledby="sessions-title">
      <h1 id="sessions-title" className="page-title">
        {t('room.sessions.title')}
      </h1>
      <p className="room-lead">{t('room.sessions.lead')}</p>
      <QueryState
        query={sessions}
        isEmpty={(list) => list.length === 0}
        empty={<Empty description={t('room.sessions.empty')} />}
      >
        {(list) => (
          <ul className="session-cards">
            {sortSessions(list).map((session) => (
              <li key={session.id}>
                <SessionCard session={session} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
