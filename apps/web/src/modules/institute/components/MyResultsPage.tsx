import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Empty,
  Grid,
  Pagination,
  Popconfirm,
  Select,
  Space,
  Table,
} from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  RESULT_STATUSES,
  type ResultStatus,
  type ResultView,
  type UserView,
} from '@kepai/contracts';
import { errorText } from '../../../lib/errors';
import { Money } from '../../../ui/Money';
import { QueryState } from '../../../ui/QueryState';
import { useMyResults, useRemoveResult, useSubmitResult } from '../hooks/useMyResults';
import { formatDate } from '../logic/format';
import { resultActions } from '../logic/result-actions';
import { ResultStatusTag } from './ResultStatusTag';

const BASE = '/console/institute';
const PAGE_SIZE = 20;

function statusOf(value: string | null): ResultStatus | undefined {
  return (RESULT_STATUSES as readonly string[]).includes(value ?? '')
    ? (value as ResultStatus)
    : undefined;
}

/** The admin's reason, where a result came back from review. */
function RejectReason({ result }: { result: ResultView }) {
  const { t } = useTranslation();
  if (result.rejectReason === null || result.status !== 'draft') return null;
  return (
    <Alert
      type="error"
      showIcon
      className="inst-reject"
      data-testid="reject-reason"
      title={t('institute.results.rejected')}
      description={result.rejectReason}
    />
  );
}

/** Edit, submit, delete or withdraw, and the public page: what the api allows in the status. */
function RowActions({ result, verified }: { result: ResultView; verified: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = useSubmitResult();
  const remove = useRemoveResult();
  const allowed = resultActions(result.status, verified);
  return (
    <Space wrap size={[4, 4]} className="inst-actions">
      {allowed.edit && (
        <Link to={`${BASE}/results/${result.id}/edit`} data-testid="edit-result">
          {t('common.edit')}
        </Link>
      )}
      {result.status === 'draft' && (
        <Button
          size="small"
          type="primary"
          ghost
          disabled={!allowed.submit}
          loading={submit.isPending}
          data-testid="submit-result"
          onClick={() =>
            submit.mutate(result.id, {
              onSuccess: () => void message.success(t('institute.results.submitted')),
              onError: (error) => void message.error(errorText(error, t)),
            })
          }
        >
          {t('institute.results.submit')}
        </Button>
      )}
      <Link to={`/results/${result.id}`} data-testid="view-result">
        {t('institute.results.view')}
      </Link>
      {allowed.remove !== null && (
        <Popconfirm
          title={
            allowed.remove === 'delete'
              ? t('institute.results.deleteConfirm')
              : t('institute.results.withdrawConfirm')
          }
          description={result.title}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            remove.mutateAsync(result.id).then(
              (answer) =>
                void message.success(
                  answer.deleted
                    ? t('institute.results.deleted')
                    : t('institute.results.withdrawn'),
                ),
              (error: unknown) => void message.error(errorText(error, t)),
            )
          }
        >
          <Button size="small" danger loading={remove.isPending} data-testid="remove-result">
            {allowed.remove === 'delete' ? t('common.delete') : t('institute.results.withdraw')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

function ResultsTable({ results, verified }: { results: ResultView[]; verified: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<ResultView>
      rowKey="id"
      size="middle"
      dataSource={results}
      pagination={
        results.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, showSizeChanger: false } : false
      }
      scroll={{ x: true }}
      onRow={() => ({ 'data-testid': 'result-row' }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('institute.results.title'),
          key: 'title',
          render: (_, result) => (
            <div className="inst-title-cell">
              <span className="inst-title">{result.title}</span>
              <span className="inst-muted">{t(`fields.${result.field}`)}</span>
              <RejectReason result={result} />
            </div>
          ),
        },
        {
          title: t('common.status'),
          key: 'status',
          render: (_, result) => <ResultStatusTag status={result.status} />,
        },
        {
          title: t('institute.results.views'),
          dataIndex: 'viewCount',
          align: 'right',
        },
        {
          title: t('institute.results.favourites'),
          dataIndex: 'favouriteCount',
          align: 'right',
        },
        {
          title: t('institute.results.askingPrice'),
          key: 'askingPrice',
          align: 'right',
          render: (_, result) => <Money fen={result.askingPrice} />,
        },
        {
          title: t('institute.results.updated'),
          key: 'updatedAt',
          render: (_, result) => formatDate(result.updatedAt, i18n.language),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, result) => <RowActions result={result} verified={verified} />,
        },
      ]}
    />
  );
}

/** Phones: one card per result instead of a table that scrolls sideways. */
function ResultCards({ results, verified }: { results: ResultView[]; verified: boolean }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const shown = results.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <>
      <ul className="inst-cards">
        {shown.map((result) => (
          <li key={result.id} className="inst-card" data-testid="result-row">
            <div className="inst-card-head">
              <span className="inst-title">{result.title}</span>
              <ResultStatusTag status={result.status} />
            </div>
            <dl className="inst-facts">
              <div>
                <dt>{t('institute.results.askingPrice')}</dt>
                <dd>
                  <Money fen={result.askingPrice} />
                </dd>
              </div>
              <div>
                <dt>{t('institute.results.views')}</dt>
                <dd>{result.viewCount}</dd>
              </div>
              <div>
                <dt>{t('institute.results.favourites')}</dt>
                <dd>{result.favouriteCount}</dd>
              </div>
              <div>
                <dt>{t('institute.results.updated')}</dt>
                <dd>{formatDate(result.updatedAt, i18n.language)}</dd>
              </div>
            </dl>
            <RejectReason result={result} />
            <RowActions result={result} verified={verified} />
          </li>
        ))}
      </ul>
      {results.length > PAGE_SIZE && (
        <Pagination
          simple
          className="inst-pages"
          current={page}
          pageSize={PAGE_SIZE}
          total={results.length}
          onChange={(next) => {
            setPage(next);
            window.scrollTo({ top: 0 });
          }}
        />
      )}
    </>
  );
}

/** 我的成果: every result of the institute, by status, with what can be done to each. */
export function MyResultsPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = statusOf(params.get('status'));
  const results = useMyResults(status);
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const verified = user.organisation.verified;
  const newResult = (
    <Button
      type="primary"
      icon={<PlusOutlined aria-hidden="true" />}
      disabled={!verified}
      data-testid="new-result-button"
      onClick={() => void navigate(`${BASE}/results/new`)}
    >
      {t('institute.results.new')}
    </Button>
  );
  return (
    <section className="inst-section" data-testid="my-results" aria-labelledby="my-results-title">
      <div className="console-toolbar">
        <h2 id="my-results-title" className="console-section-title">
          {t('institute.results.heading')}
        </h2>
        <Space wrap>
          <label htmlFor="result-status-filter" className="inst-filter-label">
            {t('institute.results.filter')}
          </label>
          <Select<string>
            id="result-status-filter"
            className="inst-status-select"
            value={status ?? 'all'}
            data-testid="status-filter"
            onChange={(value) =>
              setParams(value === 'all' ? {} : { status: value }, { replace: true })
            }
            options={[
              { value: 'all', label: t('institute.results.all') },
              ...RESULT_STATUSES.map((value) => ({ value, label: t(`resultStatus.${value}`) })),
            ]}
          />
          {newResult}
        </Space>
      </div>
      <QueryState
        query={results}
        isEmpty={(items) => items.length === 0}
        empty={
          <Empty
            description={status ? t('institute.results.noneOfStatus') : t('institute.results.none')}
          />
        }
      >
        {(items) =>
          narrow ? (
            <ResultCards key={status ?? 'all'} results={items} verified={verified} />
          ) : (
            <ResultsTable results={items} verified={verified} />
          )
        }
      </QueryState>
    </section>
  );
}
