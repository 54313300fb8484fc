import {
  FIELDS,
  MATURITIES,
  PRICE_BANDS,
  TRANSACTION_MODES,
  type FacetCount,
  type SearchFacets,
} from '@kepai/contracts';
import { Button, Checkbox, Input, Skeleton } from 'antd';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fenToYuanInput, parseYuan } from '../../../lib/money';
import {
  isFilterableBand,
  selectedPriceBand,
  toggleFacet,
  togglePriceBand,
  withChange,
  type MultiFacet,
  type SearchState,
} from '../utils/search-state';

/** Options shown before "more" in the long lists (regions, institutes). */
const SHORT_LIST = 8;

interface Option {
  value: string;
  label: string;
  count: number;
  checked: boolean;
}

/**
 * The counts of a facet, with every picked value listed even when nothing is left for it (so it
 * can be unpicked); the enum facets keep their own order, the others go by count.
 */
function optionsOf(
  counts: FacetCount[],
  picked: readonly string[],
  label: (value: string, count?: FacetCount) => string,
  order?: readonly string[],
): Option[] {
  const byValue = new Map(counts.map((count) => [count.value, count]));
  const values = [...counts.map((count) => count.value)];
  for (const value of picked) if (!byValue.has(value)) values.push(value);
  if (order !== undefined) values.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return values.map((value) => ({
    value,
    label: label(value, byValue.get(value)),
    count: byValue.get(value)?.count ?? 0,
    checked: picked.includes(value),
  }));
}

function FacetGroup({
  name,
  title,
  options,
  onToggle,
  long = false,
}: {
  name: string;
  title: string;
  options: Option[];
  onToggle: (value: string) => void;
  long?: boolean;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown =
    long && !all
      ? options.filter((option, index) => index < SHORT_LIST || option.checked)
      : options;
  return (
    <fieldset className="facet" data-testid={`facet-${name}`}>
      <legend className="facet-title">{title}</legend>
      {options.length === 0 ? (
        <p className="facet-none">{t('catalogue.facets.none')}</p>
      ) : (
        <ul className="facet-options">
          {shown.map((option) => (
            <li key={option.value}>
              <Checkbox
                checked={option.checked}
                onChange={() => onToggle(option.value)}
                data-testid={`facet-${name}-${option.value}`}
                className="facet-option"
              >
                <span className="facet-label">{option.label}</span>
                <span className="facet-count">{option.count}</span>
              </Checkbox>
            </li>
          ))}
        </ul>
      )}
      {long && !all && options.length > shown.length && (
        <Button type="link" size="small" onClick={() => setAll(true)}>
          {t('catalogue.facets.more', { count: options.length - shown.length })}
        </Button>
      )}
      {long && all && options.length > SHORT_LIST && (
        <Button type="link" size="small" onClick={() => setAll(false)}>
          {t('catalogue.facets.less')}
        </Button>
      )}
    </fieldset>
  );
}

/** A price range typed in yuan; the search holds it in fen. */
function PriceRange({
  state,
  onChange,
}: {
  state: SearchState;
  onChange: (next: SearchState) => void;
}) {
  const { t } = useTranslation();
  const [min, setMin] = useState(state.priceMin === null ? '' : fenToYuanInput(state.priceMin));
  const [max, setMax] = useState(state.priceMax === null ? '' : fenToYuanInput(state.priceMax));
  const [invalid, setInvalid] = useState(false);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const low = min.trim() === '' ? null : parseYuan(min);
    const high = max.trim() === '' ? null : parseYuan(max);
    if ((min.trim() !== '' && low === null) || (max.trim() !== '' && high === null)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const [priceMin, priceMax] =
      low !== null && high !== null && low > high ? [high, low] : [low, high];
    onChange(withChange(state, { priceMin, priceMax }));
  };
  return (
    <form className="price-range" onSubmit={apply} aria-label={t('catalogue.facets.priceRange')}>
      <Input
        size="small"
        inputMode="decimal"
        prefix="¥"
        aria-label={t('catalogue.facets.priceFrom')}
        placeholder={t('catalogue.facets.priceFrom')}
        value={min}
        status={invalid ? 'error' : undefined}
        onChange={(event) => setMin(event.target.value)}
        data-testid="price-min"
      />
      <span aria-hidden="true">–</span>
      <Input
        size="small"
        inputMode="decimal"
        prefix="¥"
        aria-label={t('catalogue.facets.priceTo')}
        placeholder={t('catalogue.facets.priceTo')}
        value={max}
        status={invalid ? 'error' : undefined}
        onChange={(event) => setMax(event.target.value)}
        data-testid="price-max"
      />
      <Button size="small" htmlType="submit">
        {t('catalogue.facets.apply')}
      </Button>
      {invalid && (
        <p className="price-range-error" role="alert">
          {t('catalogue.facets.priceInvalid')}
        </p>
      )}
    </form>
  );
}

/**
 * The facet sidebar: counts per value from the search's own answer (each reflecting every other
 * active filter), several values at once for field, mode, maturity and region, one price band
 * (or a typed range) and one institute.
 */
export function FacetPanel({
  state,
  facets,
  onChange,
}: {
  state: SearchState;
  facets: SearchFacets | undefined;
  onChange: (next: SearchState) => void;
}) {
  const { t } = useTranslation();
  if (facets === undefined) return <Skeleton active paragraph={{ rows: 8 }} />;
  const multi = (facet: MultiFacet) => (value: string) =>
    onChange(toggleFacet(state, facet, value));
  const band = selectedPriceBand(state);
  const bands = facets.priceBand.filter((count) => isFilterableBand(count.value));
  const priceOptions: Option[] = PRICE_BANDS.filter(isFilterableBand)
    .filter((value) => value === band || bands.some((count) => count.value === value))
    .map((value) => ({
      value,
      label: t(`catalogue.priceBand.${value}`),
      count: bands.find((count) => count.value === value)?.count ?? 0,
      checked: value === band,
    }));
  const negotiable = facets.priceBand.find((count) => count.value === 'negotiable')?.count ?? 0;
  return (
    <div className="facet-panel">
      <FacetGroup
        name="field"
        title={t('catalogue.facets.field')}
        options={optionsOf(facets.field, state.field, (value) => t(`fields.${value}`), FIELDS)}
        onToggle={multi('field')}
      />
      <FacetGroup
        name="mode"
        title={t('catalogue.facets.mode')}
        options={optionsOf(
          facets.mode,
          state.mode,
          (value) => t(`modes.${value}`),
          TRANSACTION_MODES,
        )}
        onToggle={multi('mode')}
      />
      <FacetGroup
        name="maturity"
        title={t('catalogue.facets.maturity')}
        options={optionsOf(
          facets.maturity,
          state.maturity,
          (value) => t(`maturity.${value}`),
          MATURITIES,
        )}
        onToggle={multi('maturity')}
      />
      <div className="facet-price">
        <FacetGroup
          name="priceBand"
          title={t('catalogue.facets.price')}
          options={priceOptions}
          onToggle={(value) => {
            const picked = PRICE_BANDS.find((known) => known === value);
            if (picked !== undefined && isFilterableBand(picked))
              onChange(togglePriceBand(state, picked));
          }}
        />
        {negotiable > 0 && (
          <p className="facet-note">
            {t('catalogue.facets.negotiableNote', { count: negotiable })}
          </p>
        )}
        <PriceRange
          key={`${state.priceMin ?? ''}-${state.priceMax ?? ''}`}
          state={state}
          onChange={onChange}
        />
      </div>
      <FacetGroup
        name="region"
        title={t('catalogue.facets.region')}
        options={optionsOf(facets.region, state.region, (value) => value)}
        onToggle={multi('region')}
        long
      />
      <FacetGroup
        name="institute"
        title={t('catalogue.facets.institute')}
        options={optionsOf(
          facets.institute,
          state.institute === null ? [] : [state.institute],
          (_value, count) => count?.label ?? t('catalogue.facets.unknownInstitute'),
        )}
        onToggle={(value) =>
          onChange(withChange(state, { institute: state.institute === value ? null : value }))
        }
        long
      />
    </div>
  );
}
