import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

export type RoomConnection = 'connected' | 'reconnecting' | 'offline';

/**
 * How live the room is: connected (and joined), reconnecting (socket.io retries by itself, and the
 * room joins again with the last seq it saw), or offline (a visitor reads the lot every few
 * seconds; a signed-in user may reconnect).
 */
export function ConnectionState({
  state,
  detail,
  onReconnect,
}: {
  state: RoomConnection;
  detail: 'live' | 'joining' | 'reconnecting' | 'visitor' | 'offline';
  onReconnect?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <span className="connection" data-testid="connection-state" data-state={state} role="status">
      <span className="connection-dot" aria-hidden="true" />
      {t(`room.connection.${detail}`)}
      {onReconnect && (
        <Button size="small" type="link" onClick={onReconnect}>
          {t('room.connection.reconnect')}
        </Button>
      )}
    </span>
  );
}
