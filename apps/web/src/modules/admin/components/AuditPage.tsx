import {
  Alert,
  AutoComplete,
  Button,
  Col,
  Collapse,
  Empty,
  Form,
  Grid,
  Input,
  Row,
  Skeleton,
  Space,
  Table,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AuditEventView } from '@kepai/contracts';
import { errorText } from '../../../lib/errors';
import { AUDIT_PAGE, useAuditEvents } from '../hooks/useAdmin';
import {
  EMPTY_AUDIT_FILTER,
  KNOWN_ACTIONS,
  KNOWN_TARGET_TYPES,
  auditFilterIssues,
  compactJson,
  filterFromParams,
  filterToParams,
  type AuditFilter,
} from '../logic/audit-filter';
import { formatSecond, shortId } from '../logic/format';

const SUMMARY_INLINE = 90;

/** A long id as a button that filters the log by it. */
function IdFilterButton({
  id,
  label,
  onPick,
}: {
  id: string | null;
  label: string;
  onPick: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (id === null) return <span className="adm-muted">{t('admin.audit.system')}</span>;
  return (
    <Button
      type="link"
      size="small"
      className="adm-id"
      title={id}
      aria-label={t('admin.audit.filterBy', { what: label, id })}
      onClick={() => onPick(id)}
    >
      {shortId(id)}
    </Button>
  );
}

function Summary({ summary }: { summary: Record<string, unknown> }) {
  const compact = compactJson(summary, 10_000);
  if (compact.length <= SUMMARY_INLINE) return <code className="adm-json">{compact}</code>;
  return (
    <details className="adm-json-details">
      <summary>
        <code className="adm-json">{compactJson(summary, SUMMARY_INLINE)}</code>
      </summary>
      <pre className="adm-json-full">{JSON.stringify(summary, null, 2)}</pre>
    </details>
  );
}

function FilterForm({
  filter,
  onApply,
}: {
  filter: AuditFilter;
  onApply: (filter: AuditFilter) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AuditFilter>();
  const apply = (values: AuditFilter) => {
    const next = { ...EMPTY_AUDIT_FILTER, ...values };
    const issues = auditFilterIssues(next);
    const fields = Object.entries(issues).map(([name, issue]) => ({
      name: name as keyof AuditFilter,
      errors: [t(`admin.audit.issue.${issue}`)],
    }));
    if (fields.length > 0) {
      form.setFields(fields);
      return;
    }
    onApply(next);
  };
  const text = (name: keyof AuditFilter) => ({ name, label: t(`admin.audit.filters.${name}`) });
  return (
    <Form<AuditFilter>
      form={form}
      layout="vertical"
      name="audit-filter"
      initialValues={filter}
      onFinish={apply}
      className="adm-filter"
      data-testid="audit-filter"
    >
      <Row gutter={12}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item {...text('action')}>
            <AutoComplete
              allowClear
              placeholder={t('admin.audit.placeholder.action')}
              options={KNOWN_ACTIONS.map((value) => ({ value }))}
              showSearch={{
                filterOption: (input, option) =>
                  (option?.value ?? '').toString().includes(input.trim().toLowerCase()),
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item {...text('actorUserId')}>
            <Input allowClear placeholder={t('admin.audit.placeholder.id')} spellCheck={false} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item {...text('organisationId')}>
            <Input allowClear placeholder={t('admin.audit.placeholder.id')} spellCheck={false} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item {...text('targetType')}>
            <AutoComplete
              allowClear
              placeholder={t('admin.audit.placeholder.targetType')}
              options={KNOWN_TARGET_TYPES.map((value) => ({ value }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item {...text('targetId')}>
            <Input allowClear spellCheck={false} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} lg={6}>
          <Form.Item {...text('from')}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} lg={6}>
          <Form.Item {...text('to')}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6} className="adm-filter-buttons">
          <Space wrap>
            <Button type="primary" htmlType="submit" data-testid="audit-apply">
              {t('admin.audit.apply')}
            </Button>
            <Button onClick={() => onApply(EMPTY_AUDIT_FILTER)}>{t('admin.audit.clear')}</Button>
          </Space>
        </Col>
      </Row>
    </Form>
  );
}

/** 审计日志: who did what to which object, when and from where; newest first, page by page. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const issues = auditFilterIssues(filter);
  const valid = Object.keys(issues).length === 0;
  const events = useAuditEvents(filter, valid);
  const setFilter = (next: AuditFilter) => setParams(filterToParams(next));
  const pick = (key: keyof AuditFilter) => (value: string) =>
    setFilter({ ...filter, [key]: value });
  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];
  const screens = Grid.useBreakpoint();
  const inUse = Object.keys(filterToParams(filter)).length;
  const filterForm = <FilterForm key={params.toString()} filter={filter} onApply={setFilter} />;

  return (
    <section className="adm-section" aria-labelledby="audit-title">
      <h2 id="audit-title" className="console-section-title">
        {t('admin.audit.heading')}
      </h2>
      {/* a new key when the address changes: the form shows the filter a click in the table set */}
      {screens.md === false ? (
        <Collapse
          className="adm-filter-collapse"
          items={[
            {
              key: 'filter',
              label: t('admin.audit.filterToggle', { count: inUse }),
              children: filterForm,
            },
          ]}
        />
      ) : (
        filterForm
      )}
      {!valid && <Alert type="warning" showIcon title={t('admin.audit.badFilter')} />}
      {valid && events.isPending && <Skeleton active aria-busy="true" />}
      {valid && events.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(events.error, t)}
          action={
            <Button size="small" onClick={() => void events.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {valid && events.isSuccess && (
        <div data-testid="audit-table">
          {rows.length === 0 ? (
            <Empty description={t('admin.audit.none')} />
          ) : (
            <>
              <Table<AuditEventView>
                rowKey="id"
                size="small"
                dataSource={rows}
                pagination={false}
                scroll={{ x: true }}
                columns={[
                  {
                    title: t('admin.audit.at'),
                    key: 'at',
                    className: 'adm-nowrap',
                    render: (_, event) => (
                      <time dateTime={event.at} className="adm-nowrap">
                        {formatSecond(event.at, i18n.language)}
                      </time>
                    ),
                  },
                  {
                    title: t('admin.audit.action'),
                    key: 'action',
                    className: 'adm-nowrap',
                    render: (_, event) => (
                      <Button
                        type="link"
                        size="small"
                        className="adm-action"
                        aria-label={t('admin.audit.filterBy', {
                          what: t('admin.audit.filters.action'),
                          id: event.action,
                        })}
                        onClick={() => pick('action')(event.action)}
                      >
                        <code>{event.action}</code>
                      </Button>
                    ),
                  },
                  {
                    title: t('admin.audit.actor'),
                    key: 'actor',
                    render: (_, event) => (
                      <div className="adm-stack">
                        <span>
                          <span className="adm-muted">{t('admin.audit.user')} </span>
                          <IdFilterButton
                            id={event.actorUserId}
                            label={t('admin.audit.filters.actorUserId')}
                            onPick={pick('actorUserId')}
                          />
                        </span>
                        {event.actorOrganisationId !== null && (
                          <span>
                            <span className="adm-muted">{t('admin.audit.org')} </span>
                            <IdFilterButton
                              id={event.actorOrganisationId}
                              label={t('admin.audit.filters.organisationId')}
                              onPick={pick('organisationId')}
                            />
                          </span>
                        )}
                      </div>
                    ),
                  },
                  {
                    title: t('admin.audit.target'),
                    key: 'target',
                    render: (_, event) => (
                      <div className="adm-stack">
                        <code>{event.targetType}</code>
                        {event.targetId !== null && (
                          <IdFilterButton
                            id={event.targetId}
                            label={t('admin.audit.filters.targetId')}
                            onPick={pick('targetId')}
                          />
                        )}
                      </div>
                    ),
                  },
                  {
                    title: t('admin.audit.ip'),
                    key: 'ip',
                    className: 'adm-nowrap',
                    render: (_, event) =>
                      event.ip === null ? (
                        <span className="adm-muted">—</span>
                      ) : (
                        <code>{event.ip}</code>
                      ),
                  },
                  {
                    title: t('admin.audit.summary'),
                    key: 'summary',
                    render: (_, event) => <Summary summary={event.summary} />,
                  },
                ]}
              />
              <div className="adm-more">
                <span className="adm-muted">{t('admin.audit.shown', { count: rows.length })}</span>
                {events.hasNextPage ? (
                  <Button
                    onClick={() => void events.fetchNextPage()}
                    loading={events.isFetchingNextPage}
                    data-testid="audit-more"
                  >
                    {t('admin.audit.more', { count: AUDIT_PAGE })}
                  </Button>
                ) : (
                  <span className="adm-muted">{t('admin.audit.end')}</span>
                )}
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}
