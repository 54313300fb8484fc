import { Breadcrumb, Card, Result, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SessionView } from '@kepai/contracts';
import { ApiError } from '../../../lib/http';
import { Money } from '../../../ui/Money';
import { QueryState } from '../../../ui/QueryState';
import { useMe } from '../../auth/hooks/useMe';
import { useSession } from '../hooks/useSessions';
import { formatDateTime } from '../logic/format';
import { IncrementLadderTable } from './IncrementLadderTable';
import { RegistrationBox } from './RegistrationBox';
import { SessionLots } from './SessionLots';
import { SessionPhaseTag } from './SessionsPage';
import '../room.css';

function SessionFacts({ session }: { session: SessionView }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="facts">
      <dt>{t('room.session.host')}</dt>
      <dd>{session.host.name}</dd>
      <dt>{t('room.session.format')}</dt>
      <dd>{t(`format.${session.format}`)}</dd>
      <dt>{t('room.session.deposit')}</dt>
      <dd>
        <Money fen={session.depositAmount} />
      </dd>
      <dt>{t('room.session.startsAt')}</dt>
      <dd>{formatDateTime(session.startsAt, i18n.language)}</dd>
      {session.format === 'timed' ? (
        <>
          <dt>{t('room.session.softClose')}</dt>
          <dd>
            {session.softCloseSeconds > 0
              ? t('room.session.softCloseRule', { seconds: session.softCloseSeconds })
              : t('room.session.noSoftClose')}
          </dd>
        </>
      ) : (
        <>
          <dt>{t('room.session.liveCountdown')}</dt>
          <dd>{t('room.session.liveCountdownRule', { seconds: session.liveCountdownSeconds })}</dd>
        </>
      )}
    </dl>
  );
}

function SessionDetail({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <Breadcrumb
        className="form-alert"
        items={[
          { key: 'sessions', title: <Link to="/sessions">{t('nav.sessions')}</Link> },
          { key: 'session', title: session.title },
        ]}
      />
      <header className="session-head">
        <h1 className="page-title" data-testid="session-title">
          {session.title}
        </h1>
        <Tag color={session.format === 'live' ? 'volcano' : 'geekblue'}>
          {t(`format.${session.format}`)}
        </Tag>
        <SessionPhaseTag session={session} />
      </header>
      <div className="session-grid">
        <Card title={<h2 className="card-title">{t('room.session.about')}</h2>}>
          <SessionFacts session={session} />
        </Card>
        <div className="room-stack">
          {me.isPending ? null : <RegistrationBox session={session} user={me.data ?? null} />}
          <Card title={<h2 className="card-title">{t('room.ladder.title')}</h2>}>
            <IncrementLadderTable ladder={session.increments} />
          </Card>
        </div>
      </div>
      <Card title={<h2 className="card-title">{t('room.session.lotsTitle')}</h2>}>
        <SessionLots lots={session.lots} format={session.format} />
      </Card>
    </>
  );
}

/** `/sessions/:id`: a session, its rules, its lots, and registering to bid. */
export function SessionPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const session = useSession(id);
  if (session.error instanceof ApiError && [400, 404].includes(session.error.status)) {
    return (
      <Result
        status="404"
        title={t('room.session.notFound')}
        extra={<Link to="/sessions">{t('room.session.backToList')}</Link>}
      />
    );
  }
  return <QueryState query={session}>{(data) => <SessionDetail session={data} />}</QueryState>;
}
