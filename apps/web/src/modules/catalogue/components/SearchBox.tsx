import { AutoComplete, Input } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDebounced } from '../hooks/useDebounced';
import { useSuggestions } from '../hooks/useSearch';
import { Highlighted } from './Highlighted';

const SUGGEST_DELAY_MS = 250;

/**
 * The catalogue's search box: titles are suggested as one types (GET /search/suggest, once the
 * typing settles); Enter or the button searches the text, and picking a suggestion opens that
 * result. Remount it (`key`) to show another query.
 */
export function SearchBox({
  initial,
  onSubmit,
  size = 'large',
}: {
  initial: string;
  onSubmit: (q: string) => void;
  size?: 'middle' | 'large';
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState(initial);
  // open only while the person types: a late answer never covers the page after a search
  const [open, setOpen] = useState(false);
  const settled = useDebounced(text.trim().slice(0, 50), SUGGEST_DELAY_MS);
  const suggestions = useSuggestions(open ? settled : '');
  // the option the keyboard or pointer is on: Enter then picks it rather than searching the text
  const active = useRef<string | null>(null);

  const options = (open && settled !== '' ? (suggestions.data?.items ?? []) : []).map((item) => ({
    value: item.id,
    label: (
      <span className="suggestion">
        <Highlighted text={item.titleHighlighted} />
      </span>
    ),
  }));

  const submit = (value: string) => {
    if (open && active.current !== null) return;
    setOpen(false);
    onSubmit(value.trim());
  };

  return (
    <div className="search-box" data-testid="search-input">
      <AutoComplete
        value={text}
        options={options}
        open={open && options.length > 0}
        defaultActiveFirstOption={false}
        popupMatchSelectWidth
        onSearch={(value: string) => {
          setText(value);
          setOpen(value.trim() !== '');
          active.current = null;
        }}
        onSelect={(id: string) => {
          setOpen(false);
          active.current = null;
          void navigate(`/results/${id}`);
        }}
        onActive={(value: unknown) => {
          active.current = typeof value === 'string' ? value : null;
        }}
        onOpenChange={(next: boolean) => {
          if (!next) {
            setOpen(false);
            active.current = null;
          }
        }}
        onBlur={() => setOpen(false)}
        style={{ width: '100%' }}
      >
        <Input.Search
          size={size}
          allowClear
          aria-label={t('catalogue.search.label')}
          placeholder={t('catalogue.search.placeholder')}
          enterButton={t('catalogue.search.button')}
          maxLength={100}
          onKeyDown={(event) => {
            // Escape closes the suggestions; only when none are shown may it clear the text, as a
            // search field does
            if (event.key === 'Escape' && open && options.length > 0) event.preventDefault();
          }}
          onSearch={(value, _event, info) => {
            if (info?.source === 'clear') {
              setText('');
              setOpen(false);
              return;
            }
            submit(value);
          }}
        />
      </AutoComplete>
    </div>
  );
}
