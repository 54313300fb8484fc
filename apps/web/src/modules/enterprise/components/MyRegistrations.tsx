import { Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyRegistrationView } from '@kepai/contracts';
import { DepositStatusTag } from '../../../ui/DepositStatusTag';
import { Money } from '../../../ui/Money';
import { QueryState } from '../../../ui/QueryState';
import { useMyRegistrations } from '../hooks/useEnterprise';
import { formatDateTime } from '../logic/format';

function RegistrationItem({ registration }: { registration: MyRegistrationView }) {
  const { t, i18n } = useTranslation();
  const { session } = registration;
  return (
    <li className="console-item" data-testid="my-registration-row">
      <div className="console-item-head">
        <Link to={`/sessions/${session.id}`} className="console-item-title">
          {session.title}
        </Link>
        <Tag color={session.format === 'live' ? 'volcano' : 'geekblue'}>
          {t(`format.${session.format}`)}
        </Tag>
        <DepositStatusTag status={registration.depositStatus} />
      </div>
      <dl className="console-facts">
        <div>
          <dt>{t('enterprise.registrations.paddle')}</dt>
          <dd className="paddle">{registration.paddle === null ? '—' : registration.paddle}</dd>
        </div>
        <div>
          <dt>{t('enterprise.registrations.host')}</dt>
          <dd>{session.host.name}</dd>
        </div>
        <div>
          <dt>{t('enterprise.registrations.startsAt')}</dt>
          <dd>{formatDateTime(session.startsAt, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('enterprise.registrations.deposit')}</dt>
          <dd>
            <Money fen={session.depositAmount} />
          </dd>
        </div>
        <div>
          <dt>{t('enterprise.registrations.registeredAt')}</dt>
          <dd>{formatDateTime(registration.createdAt, i18n.language)}</dd>
        </div>
      </dl>
      {registration.depositStatus === 'pending' ? (
        <Typography.Paragraph type="secondary" className="item-note">
          {t('enterprise.registrations.pendingHelp', { host: session.host.name })}
        </Typography.Paragraph>
      ) : null}
      <div className="console-item-links">
        <Link to={`/sessions/${session.id}`}>{t('enterprise.registrations.open')}</Link>
      </div>
    </li>
  );
}

/** `/console/enterprise`: the sessions the organisation registered for, and its deposits. */
export function MyRegistrations() {
  const { t } = useTranslation();
  const registrations = useMyRegistrations();
  return (
    <section aria-labelledby="my-registrations-title">
      <div className="console-section-head">
        <h2 id="my-registrations-title" className="card-title">
          {t('enterprise.registrations.title')}
        </h2>
        <Link to="/sessions">{t('enterprise.registrations.browse')}</Link>
      </div>
      <div data-testid="my-registrations">
        <QueryState
          query={registrations}
          isEmpty={(list) => list.length === 0}
          empty={<Empty description={t('enterprise.registrations.empty')} />}
        >
          {(list) => (
            <ul className="console-list">
              {list.map((registration) => (
                <RegistrationItem key={registration.id} registration={registration} />
              ))}
            </ul>
          )}
        </QueryState>
      </div>
    </section>
  );
}
