import type { TFunction } from 'i18next';
import { Alert, App, Button, Collapse, Empty, Form, Input, Typography } from 'antd';
import { useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemandView, SearchResultItem, UserView } from '@kepai/contracts';
import { errorText } from '../../../lib/errors';
import { ApiError } from '../../../lib/http';
import { DemandFacts } from '../../../ui/DemandFacts';
import { DemandMatchList } from '../../../ui/DemandMatchList';
import { QueryState } from '../../../ui/QueryState';
import { useDemandMatches, useLinkDemand, useOpenDemands } from '../hooks/useBroker';
import { ResultPicker } from './ResultPicker';

const NOTE_MAX = 500;

function linkErrorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.body?.code === 'CONFLICT')
    return t('broker.demands.linkTaken');
  if (error instanceof ApiError && error.body?.code === 'NOT_FOUND')
    return t('broker.demands.linkGone');
  return errorText(error, t);
}

function LinkForm({
  demandId,
  picked,
  onPick,
  canLink,
  formRef,
}: {
  demandId: string;
  picked: SearchResultItem | undefined;
  onPick: (item: SearchResultItem | undefined) => void;
  canLink: boolean;
  formRef: RefObject<HTMLDivElement | null>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const link = useLinkDemand(demandId);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <div ref={formRef} className="link-form">
      <Form
        layout="vertical"
        data-testid="demand-link-form"
        disabled={!canLink}
        onFinish={() => {
          const resultId = picked?.id;
          if (resultId === undefined) {
            setMissing(true);
            return;
          }
          link.mutate(
            { resultId, ...(note.trim() === '' ? {} : { note: note.trim() }) },
            {
              onSuccess: () => {
                void message.success(t('broker.demands.linked'));
                setNote('');
                onPick(undefined);
              },
            },
          );
        }}
      >
        <h4 className="link-form-title">{t('broker.demands.linkTitle')}</h4>
        <Form.Item
          label={t('broker.demands.linkResult')}
          htmlFor={`link-result-${demandId}`}
          validateStatus={missing ? 'error' : undefined}
          help={missing ? t('broker.lotForm.errors.pickResult') : undefined}
        >
          <ResultPicker
            id={`link-result-${demandId}`}
            value={picked?.id}
            selected={picked}
            onPick={(item) => {
              setMissing(false);
              onPick(item);
            }}
          />
        </Form.Item>
        <Form.Item label={t('broker.demands.note')} htmlFor={`link-note-${demandId}`}>
          <Input.TextArea
            id={`link-note-${demandId}`}
            value={note}
            maxLength={NOTE_MAX}
            showCount
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={t('broker.demands.notePlaceholder')}
            onChange={(event) => setNote(event.target.value)}
          />
        </Form.Item>
        {link.isError ? (
          <Alert
            className="form-alert"
            type="error"
            showIcon
            role="alert"
            title={linkErrorText(link.error, t)}
          />
        ) : null}
        <Button type="primary" htmlType="submit" loading={link.isPending} data-testid="link-save">
          {t('broker.demands.link')}
        </Button>
      </Form>
    </div>
  );
}

/** How many matches show before "show all". */
const MATCHES_SHOWN = 8;

function DemandPanel({ demand, user }: { demand: DemandView; user: UserView }) {
  const { t } = useTranslation();
  const matches = useDemandMatches(demand.id);
  const [picked, setPicked] = useState<SearchResultItem | undefined>(undefined);
  const [showAll, setShowAll] = useState(false);
  const formRef = useRef<HTMLDivElement | null>(null);
  const recommend = (item: SearchResultItem) => {
    setPicked(item);
    formRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    formRef.current?.querySelector<HTMLTextAreaElement>('textarea')?.focus({ preventScroll: true });
  };
  return (
    <div className="demand-panel">
      <Typography.Paragraph className="demand-description">
        {demand.description}
      </Typography.Paragraph>
      <LinkForm
        demandId={demand.id}
        picked={picked}
        onPick={setPicked}
        canLink={user.organisation.verified}
        formRef={formRef}
      />
      <h4 className="link-form-title">{t('broker.demands.matches')}</h4>
      <QueryState
        query={matches}
        isEmpty={(list) => list.length === 0}
        empty={<Empty description={t('broker.demands.noMatches')} />}
      >
        {(list) => (
          <>
            <DemandMatchList
              matches={list}
              limit={showAll ? undefined : MATCHES_SHOWN}
              action={(match) =>
                match.linkedBy === undefined ? (
                  <Button
                    size="small"
                    className="recommend-button"
                    disabled={!user.organisation.verified}
                    onClick={() => recommend(match.result)}
                    aria-label={t('broker.demands.recommendThis', { title: match.result.title })}
                  >
                    {t('broker.demands.recommend')}
                  </Button>
                ) : null
              }
            />
            {list.length > MATCHES_SHOWN ? (
              <Button type="link" onClick={() => setShowAll((all) => !all)}>
                {showAll
                  ? t('broker.demands.showFewer')
                  : t('broker.demands.showAll', { count: list.length })}
              </Button>
            ) : null}
          </>
        )}
      </QueryState>
    </div>
  );
}

/** `/console/broker/demands`: open enterprise demands, their matches, and linking a result. */
export function DemandsBoard({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const demands = useOpenDemands();
  return (
    <section aria-labelledby="demands-title">
      <h2 id="demands-title" className="card-title console-section-head">
        {t('broker.demands.title')}
      </h2>
      <Typography.Paragraph type="secondary">{t('broker.demands.lead')}</Typography.Paragraph>
      <div data-testid="open-demands">
        <QueryState
          query={demands}
          isEmpty={(list) => list.length === 0}
          empty={<Empty description={t('broker.demands.empty')} />}
        >
          {(list) => (
            <Collapse
              items={list.map((demand) => ({
                key: demand.id,
                label: (
                  <span className="demand-head" data-testid="demand-row">
                    <strong>{demand.title}</strong>
                    <DemandFacts demand={demand} withEnterprise />
                  </span>
                ),
                children: <DemandPanel demand={demand} user={user} />,
              }))}
            />
          )}
        </QueryState>
      </div>
    </section>
  );
}
