import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/errors';

/**
 * The three states every page of server data has: loading (a skeleton), failed (the refusal in
 * plain words, with retry), and loaded, where an empty answer shows `empty` instead.
 */
export function QueryState<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <Skeleton active aria-busy="true" />;
  if (query.isError) {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={errorText(query.error, t)}
        action={
          <Button size="small" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (isEmpty?.(query.data)) {
    return <>{empty ?? <Empty description={t('common.empty')} />}</>;
  }
  return <>{children(query.data)}</>;
}
