import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IncrementLadder } from '@kepai/contracts';
import { Money } from '../../../ui/Money';

interface Row {
  key: number;
  from: number;
  to: number | null;
  step: number;
}

/** The increment ladder: from which price which step applies (加价幅度). */
export function IncrementLadderTable({ ladder }: { ladder: IncrementLadder }) {
  const { t } = useTranslation();
  const rows: Row[] = ladder.map(([from, step], index) => ({
    key: index,
    from,
    to: ladder[index + 1]?.[0] ?? null,
    step,
  }));
  return (
    <Table<Row>
      data-testid="increment-ladder"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: true }}
      columns={[
        {
          title: t('room.ladder.price'),
          key: 'price',
          render: (_, row) =>
            row.to === null ? (
              <>
                <Money fen={row.from} /> {t('room.ladder.andAbove')}
              </>
            ) : (
              <>
                <Money fen={row.from} /> – <Money fen={row.to} />
              </>
            ),
        },
        {
          title: t('room.ladder.step'),
          key: 'step',
          render: (_, row) => <Money fen={row.step} />,
        },
      ]}
    />
  );
}
