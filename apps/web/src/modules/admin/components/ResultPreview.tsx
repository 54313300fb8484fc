import { PaperClipOutlined } from '@ant-design/icons';
import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResultView } from '@kepai/contracts';
import { Money } from '../../../ui/Money';
import { attachmentHref } from '../api/admin';
import { formatDateTime } from '../logic/format';

/** Every field of a result under review, as the institute entered it. */
export function ResultPreview({ result }: { result: ResultView }) {
  const { t, i18n } = useTranslation();
  const none = <span className="adm-muted">—</span>;
  const tags = (items: readonly string[] | undefined) =>
    items && items.length > 0 ? (
      <span className="adm-tags">
        {items.map((item) => (
          <Tag key={item}>{item}</Tag>
        ))}
      </span>
    ) : (
      none
    );
  return (
    <div className="adm-preview" data-testid="result-preview">
      <h3 className="adm-preview-title">{result.title}</h3>
      <p>{result.summary}</p>
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'institute', label: t('admin.review.institute'), children: result.institute.name },
          { key: 'field', label: t('admin.review.field'), children: t(`fields.${result.field}`) },
          {
            key: 'maturity',
            label: t('admin.review.maturity'),
            children: t(`maturity.${result.maturity}`),
          },
          { key: 'region', label: t('admin.review.region'), children: result.region },
          {
            key: 'modes',
            label: t('admin.review.modes'),
            children: tags(result.transactionModes.map((mode) => t(`modes.${mode}`))),
          },
          {
            key: 'price',
            label: t('admin.review.askingPrice'),
            children: <Money fen={result.askingPrice} />,
          },
          { key: 'keywords', label: t('admin.review.keywords'), children: tags(result.keywords) },
          {
            key: 'patents',
            label: t('admin.review.patentNumbers'),
            children: tags(result.patentNumbers),
          },
          {
            key: 'patentStatus',
            label: t('admin.review.patentStatus'),
            children: result.patentStatus ? t(`admin.patentStatus.${result.patentStatus}`) : none,
          },
          { key: 'ipc', label: t('admin.review.ipcClass'), children: result.ipcClass ?? none },
          { key: 'team', label: t('admin.review.team'), children: tags(result.team) },
          {
            key: 'ufpl',
            label: t('admin.review.ufpl'),
            children: result.ufplTerms ? (
              <div>
                <div>
                  {t('admin.review.ufplTerms', {
                    months: result.ufplTerms.termMonths,
                    days: result.ufplTerms.paymentWindowDays,
                  })}
                </div>
                <div>
                  {t('admin.review.ufplFee')} <Money fen={result.ufplTerms.fee} />
                </div>
                <ol className="adm-criteria">
                  {result.ufplTerms.criteria.map((criterion, index) => (
                    <li key={index}>{criterion}</li>
                  ))}
                </ol>
              </div>
            ) : (
              none
            ),
          },
          {
            key: 'updated',
            label: t('admin.review.submitted'),
            children: formatDateTime(result.updatedAt, i18n.language),
          },
          {
            key: 'attachments',
            label: t('admin.review.attachments'),
            children:
              result.attachments.length === 0 ? (
                none
              ) : (
                <ul className="adm-files">
                  {result.attachments.map((attachment) => (
                    <li key={attachment.id}>
                      <PaperClipOutlined aria-hidden="true" />{' '}
                      <a
                        href={attachmentHref(result.id, attachment.id)}
                        download={attachment.fileName}
                      >
                        {attachment.fileName}
                      </a>
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
      <h4 className="adm-preview-sub">{t('admin.review.description')}</h4>
      <div className="adm-description">{result.description}</div>
    </div>
  );
}
