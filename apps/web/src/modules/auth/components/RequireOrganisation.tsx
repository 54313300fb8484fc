import { Alert, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { OrganisationKind, UserView } from '@kepai/contracts';
import { useMe } from '../hooks/useMe';

/**
 * Renders its children for a signed-in user of one of the given organisation types; sends
 * anyone else to sign in, or says the account cannot open the page.
 */
export function RequireOrganisation({
  types,
  children,
}: {
  types: OrganisationKind[];
  children: (user: UserView) => ReactNode;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Spin aria-label={t('common.loading')} />;
  if (!me.data) {
    return (
      <Navigate
        to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}
        replace
      />
    );
  }
  if (!types.includes(me.data.organisation.type)) {
    return <Alert type="warning" showIcon title={t('common.noAccess')} data-testid="no-access" />;
  }
  return <>{children(me.data)}</>;
}
