import { DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { ResultView } from '@kepai/contracts';
import { Breadcrumb, Col, Row, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Money } from '../../../ui/Money';
import { QueryState } from '../../../ui/QueryState';
import { NotFoundPage } from '../../shell/components/NotFoundPage';
import { attachmentHref } from '../api/catalogue';
import { isMissing, useResult, useSimilar } from '../hooks/useResult';
import { formatBytes, formatDate, UUID_V4 } from '../utils/format';
import { searchHref } from '../utils/search-state';
import { RequestDealButton } from '../../deals/components/RequestDealButton';
import { FavouriteButton } from './FavouriteButton';
import { ResultCard } from './ResultCard';
import { ResultLots } from './ResultLots';
import { UfplTermsCard } from './UfplTermsCard';
import '../catalogue.css';

const PATENT_STATUS_COLOURS = { granted: 'green', pending: 'gold', expired: 'default' } as const;

function Patents({ result }: { result: ResultView }) {
  const { t } = useTranslation();
  if (result.patentNumbers.length === 0 && result.ipcClass === undefined) {
    return <p className="cat-muted">{t('catalogue.result.noPatents')}</p>;
  }
  return (
    <dl className="cat-facts">
      {result.patentNumbers.length > 0 && (
        <div>
          <dt>{t('catalogue.result.patentNumbers')}</dt>
          <dd>
            <ul className="cat-plain-list">
              {result.patentNumbers.map((number) => (
                <li key={number} className="patent-number">
                  {number}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      {result.patentStatus !== undefined && (
        <div>
          <dt>{t('catalogue.result.patentStatus')}</dt>
          <dd>
            <Tag color={PATENT_STATUS_COLOURS[result.patentStatus]}>
              {t(`catalogue.patentStatus.${result.patentStatus}`)}
            </Tag>
          </dd>
        </div>
      )}
      {result.ipcClass !== undefined && (
        <div>
          <dt>{t('catalogue.result.ipcClass')}</dt>
          <dd>{result.ipcClass}</dd>
        </div>
      )}
    </dl>
  );
}

function Attachments({ result }: { result: ResultView }) {
  const { t } = useTranslation();
  if (result.attachments.length === 0) {
    return <p className="cat-muted">{t('catalogue.result.noAttachments')}</p>;
  }
  return (
    <ul className="cat-attachments">
      {result.attachments.map((attachment) => (
        <li key={attachment.id}>
          <PaperClipOutlined aria-hidden="true" />
          <a href={attachmentHref(result.id, attachment.id)} download={attachment.fileName}>
            {attachment.fileName}
          </a>
          <span className="cat-muted">{formatBytes(attachment.size)}</span>
          <DownloadOutlined aria-hidden="true" />
        </li>
      ))}
    </ul>
  );
}

function Similar({ id }: { id: string }) {
  const { t } = useTranslation();
  const similar = useSimilar(id, true);
  return (
    <section className="result-section" aria-labelledby="similar-title" data-testid="similar">
      <h2 id="similar-title">{t('catalogue.result.similar')}</h2>
      <QueryState
        query={similar}
        isEmpty={(items) => items.length === 0}
        empty={<p className="cat-muted">{t('catalogue.result.noSimilar')}</p>}
      >
        {(items) => (
          <div className="cat-card-grid">
            {items.map((item) => (
              <ResultCard
                key={item.id}
                item={item}
                layout="tile"
                headingLevel={3}
                highlight={false}
              />
            ))}
          </div>
        )}
      </QueryState>
    </section>
  );
}

function ResultDetail({ result }: { result: ResultView }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="result-page">
      <Breadcrumb
        className="result-breadcrumb"
        items={[
          { title: <Link to="/">{t('nav.home')}</Link> },
          { title: <Link to="/search">{t('nav.results')}</Link> },
          {
            title: (
              <Link to={searchHref({ field: [result.field] })}>{t(`fields.${result.field}`)}</Link>
            ),
          },
        ]}
      />
      <header className="result-head">
        <h1 className="result-title" data-testid="result-title">
          {result.title}
        </h1>
        <p className="result-byline">
          <Link to={searchHref({ institute: result.institute.id })}>{result.institute.name}</Link>
          <span aria-hidden="true"> · </span>
          <span>{result.region}</span>
          {result.publishedAt !== null && (
            <>
              <span aria-hidden="true"> · </span>
              <span>
                {t('catalogue.result.published', {
                  date: formatDate(result.publishedAt, i18n.language),
                })}
              </span>
            </>
          )}
          <span aria-hidden="true"> · </span>
          <span>{t('catalogue.result.views', { count: result.viewCount })}</span>
        </p>
        <div className="result-tags">
          <Tag color="blue">{t(`fields.${result.field}`)}</Tag>
          <Tag color="green">{t(`maturity.${result.maturity}`)}</Tag>
          <Tag>{result.region}</Tag>
          {result.status !== 'published' && (
            <Tag color="orange">{t(`resultStatus.${result.status}`)}</Tag>
          )}
        </div>
        <p className="result-summary">{result.summary}</p>
      </header>
      {/* on a phone the price and how to acquire it come before the long description */}
      <Row gutter={[24, 24]}>
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 16, order: 1 }} className="result-main">
          <section className="result-section" aria-labelledby="description-title">
            <h2 id="description-title">{t('catalogue.result.description')}</h2>
            <div className="result-description">{result.description}</div>
          </section>

          {result.keywords.length > 0 && (
            <section className="result-section" aria-labelledby="keywords-title">
              <h2 id="keywords-title">{t('catalogue.result.keywords')}</h2>
              <ul className="cat-keyword-list">
                {result.keywords.map((keyword) => (
                  <li key={keyword}>
                    <Link to={searchHref({ q: keyword })} className="cat-keyword">
                      {keyword}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section className="result-section" aria-labelledby="patents-title">
            <h2 id="patents-title">{t('catalogue.result.patents')}</h2>
            <Patents result={result} />
          </section>

          {result.team !== undefined && result.team.length > 0 && (
            <section className="result-section" aria-labelledby="team-title">
              <h2 id="team-title">{t('catalogue.result.team')}</h2>
              <ul className="cat-team-list">
                {result.team.map((member, index) => (
                  <li key={`${index}-${member}`}>
                    {member}
                    {index === 0 && (
                      <Tag className="cat-team-lead">{t('catalogue.result.lead')}</Tag>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section className="result-section" aria-labelledby="attachments-title">
            <h2 id="attachments-title">{t('catalogue.result.attachments')}</h2>
            <Attachments result={result} />
          </section>
        </Col>

        <Col xs={{ span: 24, order: 1 }} lg={{ span: 8, order: 2 }}>
          <aside className="result-aside" aria-label={t('catalogue.result.dealLabel')}>
            <section className="deal-box" aria-labelledby="price-title">
              <h2 id="price-title" className="cat-aside-title">
                {t('catalogue.result.askingPrice')}
              </h2>
              <Money fen={result.askingPrice ?? null} className="deal-price" />
              {result.askingPrice === undefined && (
                <p className="cat-muted">{t('catalogue.result.negotiableHint')}</p>
              )}
              <h3 className="deal-subtitle">{t('catalogue.result.modes')}</h3>
              <div className="result-tags">
                {result.transactionModes.map((mode) => (
                  <Tag key={mode} color={mode === 'use_first_pay_later' ? 'volcano' : 'red'}>
                    {t(`modes.${mode}`)}
                  </Tag>
                ))}
              </div>
              <FavouriteButton result={result} />
              <RequestDealButton result={result} />
            </section>
            {result.ufplTerms !== undefined && <UfplTermsCard terms={result.ufplTerms} />}
            <ResultLots resultId={result.id} />
          </aside>
        </Col>
      </Row>
      <Similar id={result.id} />
    </article>
  );
}

/**
 * One result (/results/:id): what it is, its patents and team, how it can be acquired and at what
 * price, its use-first-pay-later terms, attachments, auctions it is in, and results like it. An id
 * that cannot be one, or a result that is not there, is the app's not-found page.
 */
export function ResultPage() {
  const { id = '' } = useParams();
  const valid = UUID_V4.test(id);
  const result = useResult(id, valid);
  if (!valid || (result.isError && isMissing(result.error))) return <NotFoundPage />;
  return <QueryState query={result}>{(data) => <ResultDetail result={data} />}</QueryState>;
}
