import { App, Button, Collapse, Empty, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemandView, UserView } from '@kepai/contracts';
import { DemandFacts } from '../../../ui/DemandFacts';
import { DemandMatchList } from '../../../ui/DemandMatchList';
import { QueryState } from '../../../ui/QueryState';
import { useDemandMatches, useMyDemands } from '../hooks/useEnterprise';
import { DemandForm } from './DemandForm';

function DemandMatches({ demand }: { demand: DemandView }) {
  const { t } = useTranslation();
  const matches = useDemandMatches(demand.id);
  return (
    <div className="demand-panel">
      <Typography.Paragraph className="demand-description">
        {demand.description}
      </Typography.Paragraph>
      <h3 className="subsection-title">{t('enterprise.demands.matches')}</h3>
      <QueryState
        query={matches}
        isEmpty={(list) => list.length === 0}
        empty={<Empty description={t('enterprise.demands.noMatches')} />}
      >
        {(list) => <DemandMatchList matches={list} signNotes />}
      </QueryState>
    </div>
  );
}

/** `/console/enterprise/demands`: the organisation's technology demands and what matches them. */
export function MyDemands({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const demands = useMyDemands();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string[]>([]);
  const canPost = user.organisation.verified;
  return (
    <section aria-labelledby="my-demands-title">
      <div className="console-section-head">
        <h2 id="my-demands-title" className="card-title">
          {t('enterprise.demands.title')}
        </h2>
        <Button
          type="primary"
          data-testid="new-demand-button"
          disabled={!canPost}
          onClick={() => setCreating(true)}
        >
          {t('enterprise.demands.new')}
        </Button>
      </div>
      {canPost ? null : (
        <Typography.Paragraph type="secondary">
          {t('enterprise.demands.verifyFirst')}
        </Typography.Paragraph>
      )}
      <Modal
        open={creating}
        title={t('enterprise.demandForm.title')}
        footer={null}
        destroyOnHidden
        onCancel={() => setCreating(false)}
        width={640}
        className="console-modal"
      >
        <DemandForm
          onCancel={() => setCreating(false)}
          onCreated={(demand) => {
            setCreating(false);
            setOpen([demand.id]);
            void message.success(t('enterprise.demandForm.created'));
          }}
        />
      </Modal>
      <div data-testid="my-demands">
        <QueryState
          query={demands}
          isEmpty={(list) => list.length === 0}
          empty={<Empty description={t('enterprise.demands.empty')} />}
        >
          {(list) => (
            <Collapse
              activeKey={open}
              onChange={(keys) => setOpen(Array.isArray(keys) ? keys : [keys])}
              items={list.map((demand) => ({
                key: demand.id,
                label: (
                  <span className="demand-head" data-testid="demand-row">
                    <span>
                      <strong>{demand.title}</strong>{' '}
                      <Tag color={demand.status === 'open' ? 'green' : 'default'}>
                        {t(`enterprise.demandStatus.${demand.status}`)}
                      </Tag>
                    </span>
                    <DemandFacts demand={demand} />
                  </span>
                ),
                children: <DemandMatches demand={demand} />,
              }))}
            />
          )}
        </QueryState>
      </div>
    </section>
  );
}
