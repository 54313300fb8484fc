import { FIELDS, ORGANISATION_TYPES, TRANSACTION_MODES, type SearchSort } from '@kepai/contracts';
import { Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { QueryState } from '../../../ui/QueryState';
import { useUpcomingLots } from '../hooks/useResult';
import { useShelf } from '../hooks/useSearch';
import { formatDateTime } from '../utils/format';
import { searchHref } from '../utils/search-state';
import { upcomingSessions } from '../utils/upcoming';
import { ResultCard } from './ResultCard';
import { SearchBox } from './SearchBox';
import '../catalogue.css';

function SectionHead({ id, title, more }: { id: string; title: string; more?: string }) {
  const { t } = useTranslation();
  return (
    <div className="cat-section-head">
      <h2 id={id}>{title}</h2>
      {more !== undefined && (
        <Link to={more} className="cat-section-more">
          {t('catalogue.home.seeAll')}
        </Link>
      )}
    </div>
  );
}

function UpcomingSessions() {
  const { t, i18n } = useTranslation();
  const lots = useUpcomingLots();
  // the moment the page opened: sessions whose first lot has opened since are still listed
  const [now] = useState(() => Date.now());
  return (
    <section
      className="cat-home-section"
      aria-labelledby="upcoming-title"
      data-testid="home-upcoming"
    >
      <SectionHead id="upcoming-title" title={t('catalogue.home.upcoming')} more="/sessions" />
      <QueryState
        query={lots}
        isEmpty={(data) => upcomingSessions(data, now).length === 0}
        empty={<p className="cat-muted">{t('catalogue.home.noUpcoming')}</p>}
      >
        {(data) => (
          <ul className="cat-session-grid">
            {upcomingSessions(data, now).map((session) => (
              <li key={session.id} className="cat-session-card">
                <div className="cat-session-card-tags">
                  <Tag color={session.format === 'live' ? 'red' : 'blue'}>
                    {t(`format.${session.format}`)}
                  </Tag>
                </div>
                <h3 className="cat-session-card-title">
                  <Link to={`/sessions/${session.id}`}>{session.title}</Link>
                </h3>
                <p className="cat-session-card-meta">{session.host.name}</p>
                <p className="cat-session-card-when">
                  {t('catalogue.home.opensAt', {
                    time: formatDateTime(session.opensAt, i18n.language),
                  })}
                  <span aria-hidden="true"> · </span>
                  {t('catalogue.home.lotCount', { count: session.lotCount })}
                </p>
                <ul className="cat-session-card-lots">
                  {session.titles.slice(0, 2).map((title, index) => (
                    <li key={`${index}-${title}`}>{title}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

/** A shelf of result tiles on the home page, with a link to the whole list in the catalogue. */
function ResultShelf({
  name,
  sort,
  shelf,
  title,
  empty,
}: {
  name: 'closing' | 'newest';
  sort: SearchSort;
  shelf: ReturnType<typeof useShelf>;
  title: string;
  empty: string;
}) {
  return (
    <section
      className="cat-home-section"
      aria-labelledby={`${name}-title`}
      data-testid={`home-${name}`}
    >
      <SectionHead id={`${name}-title`} title={title} more={searchHref({ sort })} />
      <QueryState
        query={shelf}
        isEmpty={(data) => data.items.length === 0}
        empty={<p className="cat-muted">{empty}</p>}
      >
        {(data) => (
          <div className="cat-card-grid">
            {data.items.map((item) => (
              <ResultCard key={item.id} item={item} layout="tile" />
            ))}
          </div>
        )}
      </QueryState>
    </section>
  );
}

/** Field tiles to the catalogue, each with how many results it holds (from the newest shelf). */
function FieldTiles({ counts }: { counts: Map<string, number> | null }) {
  const { t } = useTranslation();
  return (
    <section className="cat-home-section" aria-labelledby="fields-title">
      <SectionHead id="fields-title" title={t('home.fieldsTitle')} />
      <ul className="tiles field-tiles">
        {FIELDS.map((field) => (
          <li key={field}>
            <Link to={searchHref({ field: [field] })} className={`tile field-tile field-${field}`}>
              <span className="field-tile-name">{t(`fields.${field}`)}</span>
              {counts !== null && (
                <span className="field-tile-count">
                  {t('catalogue.home.fieldCount', { count: counts.get(field) ?? 0 })}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The front of the catalogue: search with suggestions, lots closing soon, sessions opening soon,
 * the fields, the newest results, and the ways to acquire a result.
 */
export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const closing = useShelf('closing_soon', 6);
  const newest = useShelf('newest', 8);
  const counts =
    newest.data !== undefined
      ? new Map(newest.data.facets.field.map((count) => [count.value, count.count]))
      : null;
  return (
    <div className="home">
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p>{t('home.lead')}</p>
        <SearchBox initial="" onSubmit={(q) => void navigate(searchHref({ q }))} />
      </section>

      <ResultShelf
        name="closing"
        sort="closing_soon"
        shelf={closing}
        title={t('catalogue.home.closingSoon')}
        empty={t('catalogue.home.noClosing')}
      />
      <UpcomingSessions />
      <FieldTiles counts={counts} />

      <ResultShelf
        name="newest"
        sort="newest"
        shelf={newest}
        title={t('catalogue.home.newest')}
        empty={t('catalogue.home.noResults')}
      />

      <section className="cat-home-section" aria-labelledby="modes-title">
        <SectionHead id="modes-title" title={t('home.modesTitle')} />
        <ul className="chips">
          {TRANSACTION_MODES.map((mode) => (
            <li key={mode}>
              <Link to={searchHref({ mode: [mode] })} className={`chip mode-${mode}`}>
                {t(`modes.${mode}`)}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section className="cat-home-section" aria-labelledby="roles-title">
        <SectionHead id="roles-title" title={t('home.rolesTitle')} />
        <ul className="roles">
          {[...ORGANISATION_TYPES, 'platform' as const].map((role) => (
            <li key={role}>{t(`home.roles.${role}`)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
