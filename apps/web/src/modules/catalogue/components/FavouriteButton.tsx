import { HeartFilled, HeartOutlined } from '@ant-design/icons';
import type { ResultView } from '@kepai/contracts';
import { Alert, App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../lib/http';
import { errorText } from '../../../lib/errors';
import { useMe } from '../../auth/hooks/useMe';
import { useFavourite } from '../hooks/useResult';

/**
 * Favourite or unfavourite a result, with its count. Signed-in people only: anyone else is asked
 * to sign in first, and comes back here afterwards.
 */
export function FavouriteButton({ result }: { result: ResultView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const favourite = useFavourite(result.id);
  const [prompt, setPrompt] = useState(false);
  const signedIn = me.data !== null && me.data !== undefined;

  const toggle = () => {
    if (!signedIn) {
      setPrompt(true);
      return;
    }
    favourite.mutate(!result.favourited, {
      onError: (error) => {
        if (error instanceof ApiError && error.status === 401) setPrompt(true);
        else void message.error(errorText(error, t));
      },
    });
  };

  return (
    <div className="favourite">
      <Button
        size="large"
        block
        icon={result.favourited ? <HeartFilled /> : <HeartOutlined />}
        aria-pressed={result.favourited}
        loading={favourite.isPending}
        disabled={me.isPending}
        onClick={toggle}
        data-testid="favourite-button"
        className={result.favourited ? 'favourite-on' : undefined}
      >
        {result.favourited ? t('catalogue.result.favourited') : t('catalogue.result.favourite')}
        <span className="favourite-count">
          {t('catalogue.result.favouriteCount', { count: result.favouriteCount })}
        </span>
      </Button>
      {prompt && (
        <Alert
          className="favourite-prompt"
          type="info"
          showIcon
          role="status"
          data-testid="favourite-sign-in"
          title={t('catalogue.result.signInToFavourite')}
          action={
            <Link to={`/login?next=${encodeURIComponent(`/results/${result.id}`)}`}>
              {t('nav.login')}
            </Link>
          }
        />
      )}
    </div>
  );
}
