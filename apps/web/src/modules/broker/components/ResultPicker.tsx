import { Empty, Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResultItem } from '@kepai/contracts';
import { Money } from '../../../ui/Money';
import { useDebounced } from '../hooks/useDebounced';
import { useResultSearch } from '../hooks/useBroker';

const TYPING_SETTLES_MS = 250;

interface PickerOption {
  value: string;
  label: string;
  item: SearchResultItem;
}

/**
 * Picks a published result by searching the catalogue as one types. `exclude` leaves results out
 * (those already offered in a lot). Works as an antd Form control: `value` is the result's id.
 */
export function ResultPicker({
  id,
  value,
  onChange,
  onPick,
  exclude,
  testId,
  selected,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** The whole result when one is picked (its modes and price), undefined when cleared. */
  onPick?: (item: SearchResultItem | undefined) => void;
  exclude?: ReadonlySet<string>;
  testId?: string;
  /** The picked result when it came from elsewhere (a match), so it shows by its title. */
  selected?: SearchResultItem;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), TYPING_SETTLES_MS);
  const search = useResultSearch(q);
  const found = useMemo(
    () => (search.data?.items ?? []).filter((item) => !exclude?.has(item.id)),
    [search.data, exclude],
  );
  const hidden = (search.data?.items.length ?? 0) - found.length;
  const items =
    selected !== undefined && selected.id === value && !found.some((i) => i.id === selected.id)
      ? [selected, ...found]
      : found;

  return (
    <Select<string, PickerOption>
      id={id}
      data-testid={testId}
      value={value}
      allowClear
      showSearch={{ filterOption: false, onSearch: setText }}
      placeholder={t('broker.picker.placeholder')}
      loading={search.isFetching}
      popupMatchSelectWidth
      notFoundContent={
        search.isFetching ? (
          <Spin size="small" />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('broker.picker.none')} />
        )
      }
      onChange={(picked, option) => {
        onChange?.(picked);
        onPick?.(option === undefined || Array.isArray(option) ? undefined : option.item);
      }}
      options={items.map((item) => ({ value: item.id, label: item.title, item }))}
      optionRender={(option) => {
        const item = option.data.item;
        return (
          <div className="broker-picker-option">
            <span className="broker-picker-title">{item.title}</span>
            <span className="broker-picker-meta">
              {item.institute.name} · <Money fen={item.askingPrice} />
            </span>
          </div>
        );
      }}
      popupRender={(menu) => (
        <>
          {menu}
          {hidden > 0 ? (
            <div className="broker-picker-hidden">
              {t('broker.picker.hidden', { count: hidden })}
            </div>
          ) : null}
        </>
      )}
    />
  );
}
