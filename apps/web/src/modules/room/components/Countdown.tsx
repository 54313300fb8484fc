import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LotSnapshot, SessionFormat } from '@kepai/contracts';
import { formatDateTime } from '../logic/format';
import {
  countdownParts,
  countdownTarget,
  isUrgent,
  remainingMs,
  type CountdownPhase,
} from '../logic/countdown';

const TICK_MS = 250;
/** How long "extended" shows after a soft close moved the end. */
const EXTENDED_SHOWN_MS = 6_000;

/**
 * The lot's countdown by the server's clock (local clock + measured offset): to the opening, to
 * the close (which a soft close or a live bid moves), or why nothing is counted. It ticks on its
 * own, so the rest of the room does not render four times a second.
 */
export function Countdown({
  lot,
  format,
  softCloseSeconds,
  offsetMs,
  extendedAt,
}: {
  lot: Pick<LotSnapshot, 'status' | 'paused' | 'opensAt' | 'closesAt'>;
  format: SessionFormat | null;
  softCloseSeconds: number;
  offsetMs: number;
  extendedAt: number | null;
}) {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const { phase, target } = countdownTarget(lot);
  useEffect(() => {
    if (target === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, [target]);

  const labels: Record<CountdownPhase, string> = {
    opens: format === 'live' ? t('room.countdown.plannedOpen') : t('room.countdown.opens'),
    closes: format === 'live' ? t('room.countdown.live') : t('room.countdown.closes'),
    paused: t('room.countdown.pausedLabel'),
    ended: t('room.countdown.endedLabel'),
  };

  let value: React.ReactNode;
  let urgent = false;
  if (target === null) {
    value = phase === 'paused' ? t('room.countdown.paused') : t('room.countdown.ended');
  } else {
    const left = remainingMs(target, now, offsetMs);
    const parts = countdownParts(left);
    urgent = phase === 'closes' && isUrgent(left, format ?? 'timed', softCloseSeconds);
    if (left === 0) {
      value =
        phase === 'opens'
          ? t('room.countdown.opening')
          : format === 'live'
            ? t('room.countdown.awaitingHammer')
            : t('room.countdown.closing');
    } else {
      value =
        parts.days > 0
          ? t('room.countdown.days', { count: parts.days, clock: parts.clock })
          : parts.clock;
    }
  }
  const extended =
    extendedAt !== null && phase === 'closes' && now - extendedAt < EXTENDED_SHOWN_MS;

  return (
    <div className="countdown-box">
      <p className="price-label">{labels[phase]}</p>
      <span
        className={urgent ? 'countdown countdown-urgent' : 'countdown'}
        data-testid="countdown"
        data-phase={phase}
        data-target={target ?? ''}
        role="timer"
        aria-live="off"
      >
        {value}
      </span>{' '}
      {extended && <Tag color="orange">{t('room.countdown.extended')}</Tag>}
      {target !== null && (
        <div className="muted">
          {t('room.countdown.at', { time: formatDateTime(target, i18n.language) })}
        </div>
      )}
    </div>
  );
}
