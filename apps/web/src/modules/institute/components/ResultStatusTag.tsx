import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResultStatus } from '@kepai/contracts';

const COLOURS: Record<ResultStatus, string> = {
  draft: 'default',
  pending_review: 'gold',
  published: 'green',
  in_auction: 'red',
  sold: 'blue',
  withdrawn: 'default',
};

export function ResultStatusTag({ status }: { status: ResultStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-status={status}>
      {t(`resultStatus.${status}`)}
    </Tag>
  );
}
