import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DealStatus } from '@kepai/contracts';
import { STATUS_COLOUR } from '../logic/format';

/** A deal's status as a coloured tag, in words. */
export function DealStatusTag({ status, testId }: { status: DealStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOUR[status]} data-testid={testId} data-status={status}>
      {t(`deals.status.${status}`)}
    </Tag>
  );
}
