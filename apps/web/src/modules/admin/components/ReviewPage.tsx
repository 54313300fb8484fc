import { App, Button, Drawer, Empty, Form, Grid, Input, Modal, Space, Table } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultView } from '@kepai/contracts';
import { errorText } from '../../../lib/errors';
import { QueryState } from '../../../ui/QueryState';
import {
  useApproveResult,
  useRejectResult,
  useResultForReview,
  useReviewQueue,
} from '../hooks/useAdmin';
import { formatDateTime } from '../logic/format';
import { REJECT_REASON, rejectReasonIssue } from '../logic/review';
import { ResultPreview } from './ResultPreview';

/** Approve and reject, for a row and for the drawer alike. */
function Decision({
  result,
  onReject,
  onDone,
}: {
  result: ResultView;
  onReject: (result: ResultView) => void;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const approve = useApproveResult();
  return (
    <>
      <Button
        type="primary"
        size="small"
        loading={approve.isPending}
        data-testid="approve-button"
        onClick={() =>
          approve.mutate(result.id, {
            onSuccess: () => {
              void message.success(t('admin.review.approved', { title: result.title }));
              onDone?.();
            },
            onError: (error) => void message.error(errorText(error, t)),
          })
        }
      >
        {t('admin.review.approve')}
      </Button>
      <Button size="small" danger data-testid="reject-button" onClick={() => onReject(result)}>
        {t('admin.review.reject')}
      </Button>
    </>
  );
}

/** The reason is required (2–500 characters): the institute reads it beside its draft. */
function RejectDialog({
  result,
  onClose,
}: {
  result: ResultView | null;
  onClose: (rejected: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const reject = useRejectResult();
  const send = async () => {
    if (result === null) return;
    let reason: string;
    try {
      reason = (await form.validateFields()).reason.trim();
    } catch {
      return;
    }
    try {
      await reject.mutateAsync({ id: result.id, reason });
    } catch (error) {
      form.setFields([{ name: 'reason', errors: [errorText(error, t)] }]);
      return;
    }
    void message.success(t('admin.review.rejected', { title: result.title }));
    form.resetFields();
    onClose(true);
  };
  return (
    <Modal
      open={result !== null}
      title={t('admin.review.rejectTitle')}
      okText={t('admin.review.rejectConfirm')}
      okButtonProps={{ danger: true, loading: reject.isPending, 'data-testid': 'reject-confirm' }}
      cancelText={t('common.cancel')}
      onOk={() => void send()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <p className="adm-strong">{result?.title}</p>
      <Form form={form} layout="vertical" name="reject" preserve={false}>
        <Form.Item
          name="reason"
          label={t('admin.review.reason')}
          required
          rules={[
            {
              validator: (_rule, value: string | undefined) => {
                const issue = rejectReasonIssue(value ?? '');
                return issue === null
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error(t(`admin.review.reasonIssue.${issue}`, REJECT_REASON)),
                    );
              },
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={REJECT_REASON.max}
            showCount
            placeholder={t('admin.review.reasonHint')}
            data-testid="reject-reason-input"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PreviewDrawer({
  id,
  onClose,
  onReject,
}: {
  id: string | null;
  onClose: () => void;
  onReject: (result: ResultView) => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const result = useResultForReview(id);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={t('admin.review.preview')}
      size={screens.md === false ? '100%' : 640}
      destroyOnHidden
      extra={
        result.data && result.data.status === 'pending_review' ? (
          <Space>
            <Decision result={result.data} onReject={onReject} onDone={onClose} />
          </Space>
        ) : null
      }
    >
      {id !== null && (
        <QueryState query={result}>{(data) => <ResultPreview result={data} />}</QueryState>
      )}
    </Drawer>
  );
}

/** 成果审核: results awaiting review, oldest first; preview, approve, or send back with a reason. */
export function ReviewPage() {
  const { t, i18n } = useTranslation();
  const queue = useReviewQueue();
  const [previewing, setPreviewing] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<ResultView | null>(null);
  return (
    <section className="adm-section" aria-labelledby="review-title">
      <h2 id="review-title" className="console-section-title">
        {t('admin.review.heading')}
      </h2>
      <QueryState
        query={queue}
        isEmpty={(items) => items.length === 0}
        empty={<Empty description={t('admin.review.none')} />}
      >
        {(items) => (
          <Table<ResultView>
            rowKey="id"
            size="middle"
            dataSource={items}
            pagination={items.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
            scroll={{ x: true }}
            onRow={() => ({ 'data-testid': 'review-row' }) as HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t('admin.review.title'),
                key: 'title',
                render: (_, result) => (
                  <Button
                    type="link"
                    className="adm-title-link"
                    data-testid="preview-button"
                    onClick={() => setPreviewing(result.id)}
                  >
                    {result.title}
                  </Button>
                ),
              },
              {
                title: t('admin.review.institute'),
                key: 'institute',
                render: (_, result) => <span className="adm-wide">{result.institute.name}</span>,
              },
              {
                title: t('admin.review.field'),
                key: 'field',
                className: 'adm-nowrap',
                render: (_, result) => t(`fields.${result.field}`),
              },
              {
                title: t('admin.review.submitted'),
                key: 'submitted',
                className: 'adm-nowrap',
                render: (_, result) => formatDateTime(result.updatedAt, i18n.language),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_, result) => (
                  <Space wrap size={[4, 4]}>
                    <Button size="small" onClick={() => setPreviewing(result.id)}>
                      {t('admin.review.previewShort')}
                    </Button>
                    <Decision result={result} onReject={setRejecting} />
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <PreviewDrawer
        id={previewing}
        onClose={() => setPreviewing(null)}
        onReject={(result) => setRejecting(result)}
      />
      <RejectDialog
        result={rejecting}
        onClose={(rejected) => {
          if (rejected && rejecting?.id === previewing) setPreviewing(null);
          setRejecting(null);
        }}
      />
    </section>
  );
}
