import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RegistrationView, UserView } from '@kepai/contracts';

/**
 * Why the signed-in person (or a visitor) cannot bid here, and the way to get there: sign in,
 * register for the session, wait for the deposit to be confirmed.
 */
export function BidAccess({
  user,
  registration,
  sessionId,
  lotId,
  hosting,
}: {
  user: UserView | null;
  registration: RegistrationView | null | undefined;
  sessionId: string;
  lotId: string;
  hosting: boolean;
}) {
  const { t } = useTranslation();
  if (hosting) return null;
  if (user === null)
    return (
      <Alert
        type="info"
        showIcon
        data-testid="bid-access"
        title={t('room.access.signIn')}
        action={
          <Link to={`/login?next=${encodeURIComponent(`/lots/${lotId}`)}`}>{t('nav.login')}</Link>
        }
      />
    );
  if (user.organisation.type !== 'enterprise')
    return (
      <Alert
        type="info"
        showIcon
        data-testid="bid-access"
        title={t('room.access.enterprisesOnly')}
      />
    );
  if (registration === undefined) return null;
  if (registration === null)
    return (
      <Alert
        type="info"
        showIcon
        data-testid="bid-access"
        title={
          user.organisation.verified
            ? t('room.access.register')
            : t('errors.ORGANISATION_UNVERIFIED')
        }
        action={<Link to={`/sessions/${sessionId}`}>{t('room.access.toSession')}</Link>}
      />
    );
  if (registration.depositStatus === 'pending')
    return (
      <Alert type="warning" showIcon data-testid="bid-access" title={t('room.access.pending')} />
    );
  return (
    <Alert
      type="info"
      showIcon
      data-testid="bid-access"
      title={t(`depositStatus.${registration.depositStatus}`)}
    />
  );
}
