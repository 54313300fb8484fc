import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LotStatus } from '@kepai/contracts';

const COLOUR: Record<LotStatus, string> = {
  scheduled: 'blue',
  open: 'red',
  sold: 'green',
  unsold: 'default',
  withdrawn: 'default',
};

/** A lot's status (and a pause, which keeps it open) as a tag. */
export function LotStatusTag({ status, paused }: { status: LotStatus; paused?: boolean }) {
  const { t } = useTranslation();
  if (status === 'open' && paused) return <Tag color="orange">{t('room.lot.paused')}</Tag>;
  return <Tag color={COLOUR[status]}>{t(`lotStatus.${status}`)}</Tag>;
}
