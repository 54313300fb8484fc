import { Alert, Button, Card, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionView, UserView } from '@kepai/contracts';
import { errorText } from '../../../lib/errors';
import { DepositStatusTag } from '../../../ui/DepositStatusTag';
import { Money } from '../../../ui/Money';
import { useMyRegistration, useRegisterForSession } from '../hooks/useSessions';
import { sessionPhase } from '../logic/sessions';

/**
 * Registering to bid (报名): a signed-in enterprise registers, pays the deposit to the host outside
 * Kepai, and bids once the host confirms it and gives a paddle number. Everyone else is told what
 * they can do here.
 */
export function RegistrationBox({
  session,
  user,
}: {
  session: SessionView;
  user: UserView | null;
}) {
  const { t } = useTranslation();
  const isEnterprise = user?.organisation.type === 'enterprise';
  const registration = useMyRegistration(session.id, isEnterprise);
  const register = useRegisterForSession(session.id);
  const ended = session.lots.length > 0 && sessionPhase(session) === 'ended';

  let body;
  if (user === null) {
    body = (
      <Typography.Paragraph>
        {t('room.registration.signIn')}{' '}
        <Link to={`/login?next=${encodeURIComponent(`/sessions/${session.id}`)}`}>
          {t('nav.login')}
        </Link>
      </Typography.Paragraph>
    );
  } else if (user.organisation.id === session.host.id) {
    body = (
      <Typography.Paragraph>
        {t('room.registration.youHost')}{' '}
        <Link to={`/console/broker/sessions/${session.id}`}>{t('room.registration.manage')}</Link>
      </Typography.Paragraph>
    );
  } else if (!isEnterprise) {
    body = <Typography.Paragraph>{t('room.registration.enterprisesOnly')}</Typography.Paragraph>;
  } else if (registration.isPending) {
    body = <Skeleton active paragraph={{ rows: 1 }} />;
  } else if (registration.isError) {
    body = <Alert type="error" showIcon role="alert" title={errorText(registration.error, t)} />;
  } else if (registration.data) {
    const mine = registration.data;
    body = (
      <div data-testid="registration-status" data-status={mine.depositStatus}>
        <p>
          <DepositStatusTag status={mine.depositStatus} />
        </p>
        {mine.depositStatus === 'confirmed' && mine.paddle !== null ? (
          <p>
            {t('room.registration.yourPaddle')}{' '}
            <span className="paddle-number" data-testid="my-paddle">
              {mine.paddle}
            </span>
          </p>
        ) : null}
        {mine.depositStatus === 'pending' ? (
          <Typography.Paragraph>
            {t('room.registration.pendingHelp', { host: session.host.name })}{' '}
            <Money fen={session.depositAmount} />
          </Typography.Paragraph>
        ) : null}
      </div>
    );
  } else if (!user.organisation.verified) {
    body = (
      <Alert
        type="warning"
        showIcon
        data-testid="registration-unverified"
        title={t('errors.ORGANISATION_UNVERIFIED')}
      />
    );
  } else if (ended) {
    body = <Typography.Paragraph>{t('room.registration.ended')}</Typography.Paragraph>;
  } else {
    body = (
      <>
        <Typography.Paragraph>
          {t('room.registration.explain')} <Money fen={session.depositAmount} />
        </Typography.Paragraph>
        {register.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            className="form-alert"
            title={errorText(register.error, t)}
          />
        )}
        <Button
          type="primary"
          data-testid="register-button"
          loading={register.isPending}
          onClick={() => register.mutate()}
        >
          {t('room.registration.register')}
        </Button>
      </>
    );
  }

  return <Card title={<h2 className="card-title">{t('room.registration.title')}</h2>}>{body}</Card>;
}
