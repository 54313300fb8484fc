import { App, Button, Empty, Segmented, Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { OrganisationDetail } from '@kepai/contracts';
import { errorText } from '../../../lib/errors';
import { QueryState } from '../../../ui/QueryState';
import { useOrganisations, useVerifyOrganisation } from '../hooks/useAdmin';
import { formatDateTime } from '../logic/format';
import { ORGANISATION_FILTERS, organisationFilterOf } from '../logic/review';

function VerifyButton({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const verify = useVerifyOrganisation();
  return (
    <Button
      type="primary"
      size="small"
      loading={verify.isPending}
      data-testid="verify-button"
      aria-label={t('admin.organisations.verifyNamed', { name: organisation.name })}
      onClick={() =>
        verify.mutate(organisation.id, {
          onSuccess: () =>
            void message.success(t('admin.organisations.verified', { name: organisation.name })),
          onError: (error) => void message.error(errorText(error, t)),
        })
      }
    >
      {t('admin.organisations.verify')}
    </Button>
  );
}

/** 实名认证: organisations awaiting verification (by default), verified ones, or all. */
export function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = organisationFilterOf(params.get('status'));
  const organisations = useOrganisations(status);
  return (
    <section className="adm-section" aria-labelledby="orgs-title">
      <div className="console-toolbar">
        <h2 id="orgs-title" className="console-section-title">
          {t('admin.organisations.heading')}
        </h2>
        <Segmented
          aria-label={t('admin.organisations.filter')}
          value={status}
          onChange={(value) =>
            setParams(value === 'pending' ? {} : { status: value }, { replace: true })
          }
          options={ORGANISATION_FILTERS.map((value) => ({
            value,
            label: t(`admin.organisations.filters.${value}`),
          }))}
        />
      </div>
      <QueryState
        query={organisations}
        isEmpty={(items) => items.length === 0}
        empty={
          <Empty
            description={
              status === 'pending' ? t('admin.organisations.nonePending') : t('common.empty')
            }
          />
        }
      >
        {(items) => (
          <Table<OrganisationDetail>
            rowKey="id"
            size="middle"
            dataSource={items}
            pagination={items.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
            scroll={{ x: true }}
            onRow={() => ({ 'data-testid': 'org-row' }) as HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t('admin.organisations.name'),
                dataIndex: 'name',
                render: (name: string) => <span className="adm-strong adm-wide">{name}</span>,
              },
              {
                title: t('admin.organisations.type'),
                key: 'type',
                className: 'adm-nowrap',
                render: (_, org) => t(`orgType.${org.type}`),
              },
              {
                title: t('admin.organisations.creditCode'),
                key: 'creditCode',
                className: 'adm-nowrap',
                render: (_, org) => <code className="adm-code">{org.creditCode ?? '—'}</code>,
              },
              {
                title: t('admin.organisations.region'),
                dataIndex: 'region',
                className: 'adm-nowrap',
              },
              {
                title: t('admin.organisations.created'),
                key: 'createdAt',
                className: 'adm-nowrap',
                render: (_, org) => formatDateTime(org.createdAt, i18n.language),
              },
              {
                title: t('admin.organisations.verifiedColumn'),
                key: 'verified',
                className: 'adm-nowrap',
                render: (_, org) =>
                  org.verified ? (
                    <Tag color="green">{t('admin.organisations.isVerified')}</Tag>
                  ) : (
                    <Tag color="orange">{t('admin.organisations.isPending')}</Tag>
                  ),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                className: 'adm-nowrap',
                render: (_, org) =>
                  org.verified || org.type === 'platform' ? null : (
                    <VerifyButton organisation={org} />
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}
