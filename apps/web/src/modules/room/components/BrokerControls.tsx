import { Alert, App, Button, Card, Popconfirm, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LotControlAction, LotSnapshot, SessionFormat } from '@kepai/contracts';
import type { AuctionSocket } from '../../../lib/socket';
import type { GoingCall } from '../hooks/useLotRoom';
import { useLotControl } from '../hooks/useLotControl';
import { refusalText } from '../logic/ack-text';
import { isEnded } from '../logic/lot-state';

/** What each control may do now (the rules' `control`: anything else is refused anyway). */
export function controlsAllowed(lot: Pick<LotSnapshot, 'status' | 'paused'>) {
  const running = lot.status === 'open';
  return {
    open: lot.status === 'scheduled',
    pause: running && !lot.paused,
    resume: running && lot.paused,
    going: running && !lot.paused,
    hammer: running,
    withdraw: !isEnded(lot.status),
  } satisfies Record<LotControlAction, boolean>;
}

/**
 * The host broker's desk in a live session: open the lot, pause and resume, call going once /
 * going twice, bring down the hammer over the last bid seen (refused, and said so, when a newer
 * bid came in), or withdraw the lot. A timed lot runs by its clock; only withdrawing applies.
 */
export function BrokerControls({
  lot,
  format,
  socket,
  lastSeqSeen,
  going,
  onSnapshot,
}: {
  lot: LotSnapshot;
  format: SessionFormat;
  socket: AuctionSocket | null;
  lastSeqSeen: number;
  going: GoingCall | null;
  onSnapshot: (snapshot: LotSnapshot) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const control = useLotControl(socket, lot.id);
  const allowed = controlsAllowed(lot);
  const live = format === 'live';

  const run = async (action: LotControlAction) => {
    const answer = await control.run(action, action === 'hammer' ? lastSeqSeen : undefined);
    if (answer?.ok) {
      onSnapshot(answer.snapshot);
      void message.success(t(`room.controls.done.${action}`));
    }
  };

  const button = (action: Exclude<LotControlAction, 'withdraw'>, primary = false) => (
    <Button
      type={primary ? 'primary' : 'default'}
      danger={action === 'hammer'}
      data-testid={`control-${action}`}
      disabled={!allowed[action] || (control.pending !== null && control.pending !== action)}
      loading={control.pending === action}
      onClick={() => void run(action)}
    >
      {action === 'going'
        ? going?.call === 1
          ? t('room.controls.goingTwice')
          : t('room.controls.goingOnce')
        : t(`room.controls.${action}`)}
    </Button>
  );

  const failed = control.answer !== null && !control.answer.ok ? control.answer : null;
  return (
    <Card
      title={<h2 className="card-title">{t('room.controls.title')}</h2>}
      data-testid="broker-controls"
    >
      {live ? (
        <p className="muted">{t('room.controls.help', { seq: lastSeqSeen })}</p>
      ) : (
        <p className="muted">{t('room.controls.timedHelp')}</p>
      )}
      <div className="controls">
        {live && button('open', lot.status === 'scheduled')}
        {live && button('pause')}
        {live && button('resume', lot.paused)}
        {live && button('going')}
        {live && button('hammer', lot.status === 'open' && !lot.paused)}
        <Popconfirm
          title={t('room.controls.withdrawConfirm')}
          okText={t('room.controls.withdraw')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true, 'data-testid': 'control-withdraw-confirm' } as ButtonProps}
          onConfirm={() => run('withdraw')}
          disabled={!allowed.withdraw}
        >
          <Button
            danger
            data-testid="control-withdraw"
            disabled={!allowed.withdraw || control.pending !== null}
            loading={control.pending === 'withdraw'}
          >
            {t('room.controls.withdraw')}
          </Button>
        </Popconfirm>
      </div>
      {failed && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="my-status"
          data-testid="control-error"
          data-code={failed.code}
          title={
            failed.code === 'TIMEOUT'
              ? t('room.controls.timeout')
              : refusalText({ code: failed.code }, t, i18n.language, 'control')
          }
        />
      )}
    </Card>
  );
}
