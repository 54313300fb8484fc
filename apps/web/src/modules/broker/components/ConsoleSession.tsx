import { Breadcrumb, Button, Card, Result, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { SessionView, UserView } from '@kepai/contracts';
import { ApiError } from '../../../lib/http';
import { formatFen } from '../../../lib/money';
import { Money } from '../../../ui/Money';
import { QueryState } from '../../../ui/QueryState';
import { useConsoleSession } from '../hooks/useBroker';
import { formatDateTime } from '../logic/format';
import { ConsoleLots } from './ConsoleLots';
import { LotForm } from './LotForm';
import { Registrations } from './Registrations';

function SessionFacts({ session }: { session: SessionView }) {
  const { t, i18n } = useTranslation();
  return (
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
      {session.format === 'timed' ? (
        <div>
          <dt>{t('broker.session.softClose')}</dt>
          <dd>{t('broker.session.seconds', { count: session.softCloseSeconds })}</dd>
        </div>
      ) : (
        <div>
          <dt>{t('broker.session.liveCountdown')}</dt>
          <dd>{t('broker.session.seconds', { count: session.liveCountdownSeconds })}</dd>
        </div>
      )}
      <div>
        <dt>{t('broker.session.ladder')}</dt>
        <dd>
          <ul className="ladder-facts">
            {session.increments.map(([from, step]) => (
              <li key={from}>
                {t('broker.session.ladderRow', {
                  from: formatFen(from, i18n.language),
                  step: formatFen(step, i18n.language),
                })}
              </li>
            ))}
          </ul>
        </dd>
      </div>
    </dl>
  );
}

function HostedSession({ session, user }: { session: SessionView; user: UserView }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const { hash } = useLocation();
  useEffect(() => {
    if (hash === '#registrations')
      document.getElementById('registrations')?.scrollIntoView({ block: 'start' });
  }, [hash]);
  return (
    <div className="console-stack">
      <Breadcrumb
        items={[
          { key: 'sessions', title: <Link to="/console/broker">{t('broker.menu.sessions')}</Link> },
          { key: 'session', title: session.title },
        ]}
      />
      <Card
        className="console-card"
        title={
          <span className="console-item-head">
            <h2 className="card-title" data-testid="console-session-title">
              {session.title}
            </h2>
            <Tag color={session.format === 'live' ? 'volcano' : 'geekblue'}>
              {t(`format.${session.format}`)}
            </Tag>
          </span>
        }
        extra={<Link to={`/sessions/${session.id}`}>{t('broker.sessions.publicPage')}</Link>}
      >
        <SessionFacts session={session} />
      </Card>
      <Card
        className="console-card"
        title={<h2 className="card-title">{t('broker.session.lotsTitle')}</h2>}
        extra={
          adding ? null : (
            <Button
              type="primary"
              data-testid="add-lot-button"
              disabled={!user.organisation.verified}
              onClick={() => setAdding(true)}
            >
              {t('broker.session.addLot')}
            </Button>
          )
        }
      >
        {adding ? <LotForm sessionId={session.id} onDone={() => setAdding(false)} /> : null}
        <ConsoleLots session={session} />
      </Card>
      <Card
        className="console-card"
        id="registrations"
        title={<h2 className="card-title">{t('broker.registrations.title')}</h2>}
      >
        <Registrations session={session} />
      </Card>
    </div>
  );
}

/** `/console/broker/sessions/:id`: one hosted session's lots, new lots and registrations. */
export function ConsoleSession({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useConsoleSession(id);
  if (session.error instanceof ApiError && [400, 404].includes(session.error.status)) {
    return (
      <Result
        status="404"
        title={t('broker.session.notFound')}
        extra={<Link to="/console/broker">{t('broker.session.backToList')}</Link>}
      />
    );
  }
  return (
    <QueryState query={session}>
      {(data) =>
        data.host.id === user.organisation.id ? (
          <HostedSession session={data} user={user} />
        ) : (
          <Result
            status="403"
            title={t('broker.session.notYours')}
            extra={<Link to={`/sessions/${data.id}`}>{t('broker.sessions.publicPage')}</Link>}
          />
        )
      }
    </QueryState>
  );
}
