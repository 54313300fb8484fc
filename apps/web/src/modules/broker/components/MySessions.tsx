import { Button, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { SessionView, UserView } from '@kepai/contracts';
import { Money } from '../../../ui/Money';
import { QueryState } from '../../../ui/QueryState';
import { useHostedSessions } from '../hooks/useBroker';
import { formatDateTime } from '../logic/format';
import { sessionCounts } from '../logic/sessions';

function SessionItem({ session }: { session: SessionView }) {
  const { t, i18n } = useTranslation();
  const counts = sessionCounts(session);
  const path = `/console/broker/sessions/${session.id}`;
  return (
    <li className="console-item" data-testid="my-session-row">
      <div className="console-item-head">
        <Link to={path} className="console-item-title">
          {session.title}
        </Link>
        <Tag color={session.format === 'live' ? 'volcano' : 'geekblue'}>
          {t(`format.${session.format}`)}
        </Tag>
      </div>
      <dl className="console-facts">
        <div>
          <dt>{t('broker.sessions.startsAt')}</dt>
          <dd>{formatDateTime(session.startsAt, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('broker.sessions.deposit')}</dt>
          <dd>
            <Money fen={session.depositAmount} />
          </dd>
        </div>
        <div>
          <dt>{t('broker.sessions.lots')}</dt>
          <dd>
            {t('broker.sessions.lotCounts', {
              count: counts.total,
              open: counts.open,
              ended: counts.ended,
            })}
          </dd>
        </div>
      </dl>
      <div className="console-item-links">
        <Link to={path}>{t('broker.sessions.manageLots')}</Link>
        <Link to={`${path}#registrations`}>{t('broker.sessions.registrations')}</Link>
        <Link to={`/sessions/${session.id}`}>{t('broker.sessions.publicPage')}</Link>
      </div>
    </li>
  );
}

/** `/console/broker`: the sessions the caller's brokerage hosts. */
export function MySessions({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sessions = useHostedSessions(user.organisation.id);
  const canHost = user.organisation.verified;
  const newButton = (
    <Button
      type="primary"
      data-testid="new-session-button"
      disabled={!canHost}
      onClick={() => void navigate('/console/broker/sessions/new')}
    >
      {t('broker.sessions.new')}
    </Button>
  );
  return (
    <section aria-labelledby="my-sessions-title">
      <div className="console-section-head">
        <h2 id="my-sessions-title" className="card-title">
          {t('broker.sessions.title')}
        </h2>
        {newButton}
      </div>
      <div data-testid="my-sessions">
        <QueryState
          query={sessions}
          isEmpty={(list) => list.length === 0}
          empty={<Empty description={t('broker.sessions.empty')} />}
        >
          {(list) => (
            <ul className="console-list">
              {list.map((session) => (
                <SessionItem key={session.id} session={session} />
              ))}
            </ul>
          )}
        </QueryState>
      </div>
    </section>
  );
}
