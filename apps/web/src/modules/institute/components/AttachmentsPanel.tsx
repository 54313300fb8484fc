import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Popconfirm } from 'antd';
import { useRef, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultView } from '@kepai/contracts';
import { errorText } from '../../../lib/errors';
import { attachmentHref } from '../api/institute';
import { useDeleteAttachment, useUploadAttachment } from '../hooks/useMyResults';
import {
  ATTACHMENT_ACCEPT,
  MAX_ATTACHMENTS,
  MAX_ATTACHMENT_BYTES,
  attachmentIssue,
  formatBytes,
} from '../logic/attachments';
import { formatDate } from '../logic/format';

/** The files of a result (PDF or images, 10 MB each, 10 at most): upload, list, delete. */
export function AttachmentsPanel({ result }: { result: ResultView }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const picker = useRef<HTMLInputElement>(null);
  const upload = useUploadAttachment(result.id);
  const remove = useDeleteAttachment(result.id);
  const changeable = ['draft', 'pending_review', 'published'].includes(result.status);
  const full = result.attachments.length >= MAX_ATTACHMENTS;

  const uploadAll = async (files: File[]) => {
    let count = result.attachments.length;
    for (const file of files) {
      const issue = attachmentIssue(file, count);
      if (issue !== null) {
        void message.error(
          t(`institute.attachments.issue.${issue}`, {
            name: file.name,
            max: MAX_ATTACHMENTS,
            mb: MAX_ATTACHMENT_BYTES / 1024 / 1024,
          }),
        );
        continue;
      }
      try {
        await upload.mutateAsync(file);
        count += 1;
        void message.success(t('institute.attachments.uploaded', { name: file.name }));
      } catch (error) {
        void message.error(`${file.name}：${errorText(error, t)}`);
      }
    }
  };

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    void uploadAll(files);
  };

  return (
    <section
      className="inst-attachments"
      data-testid="attachments"
      aria-labelledby="attachments-title"
    >
      <div className="console-toolbar">
        <h3 id="attachments-title" className="console-section-title">
          {t('institute.attachments.title')}
          <span className="inst-muted">
            {' '}
            {t('institute.attachments.count', {
              count: result.attachments.length,
              max: MAX_ATTACHMENTS,
            })}
          </span>
        </h3>
        {changeable && (
          <>
            <input
              ref={picker}
              type="file"
              multiple
              hidden
              accept={ATTACHMENT_ACCEPT}
              onChange={onPick}
              aria-label={t('institute.attachments.upload')}
              data-testid="attachment-input"
            />
            <Button
              icon={<UploadOutlined aria-hidden="true" />}
              loading={upload.isPending}
              disabled={full}
              data-testid="attachment-upload"
              onClick={() => picker.current?.click()}
            >
              {t('institute.attachments.upload')}
            </Button>
          </>
        )}
      </div>
      <p className="inst-muted">{t('institute.attachments.rules')}</p>
      {result.status === 'published' && (
        <Alert
          type="info"
          showIcon
          className="inst-banner"
          title={t('institute.attachments.backToReview')}
        />
      )}
      {result.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('institute.attachments.none')} />
      ) : (
        <ul className="inst-files">
          {result.attachments.map((attachment) => (
            <li key={attachment.id} data-testid="attachment-row">
              <PaperClipOutlined aria-hidden="true" />
              <a
                href={attachmentHref(result.id, attachment.id)}
                download={attachment.fileName}
                className="inst-file-name"
              >
                {attachment.fileName}
              </a>
              <span className="inst-muted">
                {formatBytes(attachment.size)} · {formatDate(attachment.createdAt, i18n.language)}
              </span>
              {changeable && (
                <Popconfirm
                  title={t('institute.attachments.deleteConfirm')}
                  description={attachment.fileName}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    remove.mutateAsync(attachment.id).then(
                      () => void message.success(t('institute.attachments.deleted')),
                      (error: unknown) => void message.error(errorText(error, t)),
                    )
                  }
                >
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden="true" />}
                    aria-label={t('institute.attachments.delete', { name: attachment.fileName })}
                  />
                </Popconfirm>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
