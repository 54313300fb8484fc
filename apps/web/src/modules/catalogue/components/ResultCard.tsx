import type { SearchResultItem } from '@kepai/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Money } from '../../../ui/Money';
import { formatDateTime } from '../utils/format';
import { plainText } from '../utils/highlight';
import { Highlighted } from './Highlighted';
import '../catalogue.css';

/**
 * One result as the catalogue lists it: the title (matched terms marked) links to the result,
 * then institute and region, field, maturity and transaction modes, the asking price, and a badge
 * to the live room when the result is in a lot open now. `row` for lists, `tile` for grids.
 */
export function ResultCard({
  item,
  layout = 'row',
  headingLevel = 3,
  highlight = true,
}: {
  item: SearchResultItem;
  layout?: 'row' | 'tile';
  headingLevel?: 2 | 3 | 4;
  /** Off where the marks come from no query of the reader's (similar results). */
  highlight?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={`result-card result-card-${layout}`} data-testid="result-card">
      <Heading className="result-card-title">
        <Link to={`/results/${item.id}`}>
          {highlight ? <Highlighted text={item.titleHighlighted} /> : item.title}
        </Link>
      </Heading>
      {item.lot !== undefined && (
        <Link className="lot-badge" to={`/lots/${item.lot.id}`} data-testid="lot-badge">
          <span className="lot-badge-live">{t('catalogue.card.openLot')}</span>
          <span>
            {t('catalogue.card.closesAt', {
              time: formatDateTime(item.lot.closesAt, i18n.language),
            })}
          </span>
        </Link>
      )}
      <p className="result-card-summary">
        {highlight ? (
          <Highlighted text={item.summaryHighlighted} />
        ) : (
          plainText(item.summaryHighlighted)
        )}
      </p>
      <p className="result-card-meta">
        <span className="result-card-institute">{item.institute.name}</span>
        <span aria-hidden="true"> · </span>
        <span>{item.region}</span>
      </p>
      <div className="result-card-tags">
        <Tag color="blue" data-testid="result-card-field" data-field={item.field}>
          {t(`fields.${item.field}`)}
        </Tag>
        <Tag color="green">{t(`maturity.${item.maturity}`)}</Tag>
        {item.transactionModes.map((mode) => (
          <Tag key={mode} color={mode === 'use_first_pay_later' ? 'volcano' : undefined}>
            {t(`modes.${mode}`)}
          </Tag>
        ))}
      </div>
      <div className="result-card-foot">
        <span className="result-card-price">
          <span className="cat-sr-only">{t('catalogue.card.price')}</span>
          <Money fen={item.askingPrice} />
        </span>
        <span className="result-card-stat">
          {t('catalogue.card.favourites', { count: item.favouriteCount })}
        </span>
      </div>
    </article>
  );
}
