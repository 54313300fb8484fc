import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DepositStatus } from '@kepai/contracts';

const DEPOSIT_COLOUR: Record<DepositStatus, string> = {
  pending: 'gold',
  confirmed: 'green',
  refunded: 'default',
  forfeited: 'red',
};

/** A registration's deposit as a coloured tag, in words. */
export function DepositStatusTag({ status }: { status: DepositStatus }) {
  const { t } = useTranslation();
  return <Tag color={DEPOSIT_COLOUR[status]}>{t(`depositStatus.${status}`)}</Tag>;
}
