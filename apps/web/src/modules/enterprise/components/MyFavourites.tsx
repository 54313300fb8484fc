import { App, Button, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchResultItem } from '@kepai/contracts';
import { errorText } from '../../../lib/errors';
import { Money } from '../../../ui/Money';
import { QueryState } from '../../../ui/QueryState';
import { useMyFavourites, useUnfavourite } from '../hooks/useEnterprise';

function FavouriteItem({ item }: { item: SearchResultItem }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useUnfavourite();
  return (
    <li className="console-item" data-testid="favourite-row">
      <div className="console-item-head">
        <Link to={`/results/${item.id}`} className="console-item-title">
          {item.title}
        </Link>
        <Tag>{t(`fields.${item.field}`)}</Tag>
        <Tag>{t(`maturity.${item.maturity}`)}</Tag>
      </div>
      <div className="muted">
        {item.institute.name} · {item.region}
      </div>
      <div className="favourite-foot">
        <span className="favourite-modes">
          {item.transactionModes.map((mode) => (
            <Tag key={mode} color="blue">
              {t(`modes.${mode}`)}
            </Tag>
          ))}
        </span>
        <strong>
          <Money fen={item.askingPrice} />
        </strong>
        {item.lot ? (
          <Link to={`/lots/${item.lot.id}`}>{t('enterprise.favourites.inAuction')}</Link>
        ) : null}
        <Button
          size="small"
          loading={remove.isPending}
          aria-label={t('enterprise.favourites.removeThis', { title: item.title })}
          onClick={() =>
            remove.mutate(item.id, {
              onError: (error) => void message.error(errorText(error, t)),
            })
          }
        >
          {t('enterprise.favourites.remove')}
        </Button>
      </div>
    </li>
  );
}

/** `/console/enterprise/favourites`: results the user favourited, latest first. */
export function MyFavourites() {
  const { t } = useTranslation();
  const favourites = useMyFavourites();
  return (
    <section aria-labelledby="my-favourites-title">
      <div className="console-section-head">
        <h2 id="my-favourites-title" className="card-title">
          {t('enterprise.favourites.title')}
        </h2>
        <Link to="/search">{t('enterprise.favourites.browse')}</Link>
      </div>
      <div data-testid="my-favourites">
        <QueryState
          query={favourites}
          isEmpty={(list) => list.length === 0}
          empty={<Empty description={t('enterprise.favourites.empty')} />}
        >
          {(list) => (
            <ul className="console-list">
              {list.map((item) => (
                <FavouriteItem key={item.id} item={item} />
              ))}
            </ul>
          )}
        </QueryState>
      </div>
    </section>
  );
}
