import { Card, Empty, Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { BidHistoryItem } from '@kepai/contracts';
import { Money } from '../../../ui/Money';
import { formatTime } from '../logic/format';

/**
 * The published history, newest first, by paddle number only (bidders never see each other's
 * names). Each entry's hash is on its row, for anyone who checks the chain.
 */
export function BidHistory({
  bids,
  myPaddle,
  loading,
}: {
  bids: BidHistoryItem[];
  myPaddle: number | null;
  loading: boolean;
}) {
  const { t, i18n } = useTranslation();
  const newestFirst = [...bids].reverse();
  return (
    <Card title={<h2 className="card-title">{t('room.history.title')}</h2>}>
      <div data-testid="bid-history">
        <Table<BidHistoryItem>
          className="history-table"
          rowKey="seq"
          size="small"
          loading={loading}
          dataSource={newestFirst}
          scroll={{ x: true }}
          locale={{ emptyText: <Empty description={t('room.history.empty')} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          onRow={(bid) =>
            ({
              'data-testid': 'bid-row',
              'data-seq': bid.seq,
              title: `${t('room.history.hash')}: ${bid.hash}`,
            }) as HTMLAttributes<HTMLElement>
          }
          columns={[
            { title: t('room.history.seq'), dataIndex: 'seq', key: 'seq' },
            {
              title: t('room.history.paddle'),
              key: 'paddle',
              render: (_, bid) => (
                <>
                  <Trans
                    i18nKey="room.paddle"
                    values={{ paddle: bid.paddle }}
                    components={{ n: <span /> }}
                  />
                  {bid.paddle === myPaddle && (
                    <Tag color="red" className="history-me">
                      {t('room.history.me')}
                    </Tag>
                  )}
                </>
              ),
            },
            {
              title: t('room.history.amount'),
              key: 'amount',
              align: 'right',
              render: (_, bid) => <Money fen={bid.amount} />,
            },
            {
              title: t('room.history.kind'),
              key: 'kind',
              render: (_, bid) => t(`room.history.kinds.${bid.kind}`),
            },
            {
              title: t('room.history.at'),
              key: 'at',
              render: (_, bid) => (
                <time dateTime={bid.at}>{formatTime(bid.at, i18n.language)}</time>
              ),
            },
          ]}
        />
      </div>
    </Card>
  );
}
