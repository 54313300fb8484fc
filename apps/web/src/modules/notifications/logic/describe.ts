import type { NotificationKind, NotificationView } from '@kepai/contracts';
import type { TFunction } from 'i18next';
import { formatFen } from '../../../lib/money';

type Payload = NotificationView['payload'];

/** A notification as a person reads it: a heading, a sentence, and where it leads. */
export interface NotificationText {
  title: string;
  body: string;
  /** An app path (the lot room, the deal, the session, the result, the demands), or null. */
  link: string | null;
}

function text(payload: Payload, key: string): string | null {
  const value = payload[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function number(payload: Payload, key: string): number | null {
  const value = payload[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function locale(language: string): string {
  return language.startsWith('zh') ? 'zh-CN' : 'en-GB';
}

/** A moment to the minute in the reader's time zone. */
export function formatMoment(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** Kinds about a deal: they lead to the deal when the payload names it. */
const DEAL_KINDS: readonly NotificationKind[] = [
  'deal_requested',
  'deal_accepted',
  'deal_declined',
  'ufpl_term_ending',
  'ufpl_evidence_submitted',
  'ufpl_outcome',
  'ufpl_disputed',
  'payment_due_soon',
  'payment_due',
  'payment_overdue',
  'payment_received',
  'deposit_forfeited',
  'lot_won',
];
/** Kinds about a lot: they lead to its room. */
const LOT_KINDS: readonly NotificationKind[] = [
  'outbid',
  'lot_lost',
  'favourite_lot_opening',
  'lot_won',
];
/** Kinds about a session registration: they lead to the session. */
const SESSION_KINDS: readonly NotificationKind[] = [
  'registration_approved',
  'deposit_confirmed',
  'deposit_refunded',
];

/** Where a notification leads: the page about what it tells of, by its kind and payload ids. */
export function notificationLink(kind: NotificationKind, payload: Payload): string | null {
  const dealId = text(payload, 'dealId');
  const lotId = text(payload, 'lotId');
  const sessionId = text(payload, 'sessionId');
  const resultId = text(payload, 'resultId');
  const path = (base: string, id: string) => `/${base}/${encodeURIComponent(id)}`;
  if (DEAL_KINDS.includes(kind) && dealId !== null) return path('deals', dealId);
  if (LOT_KINDS.includes(kind) && lotId !== null) return path('lots', lotId);
  if (SESSION_KINDS.includes(kind) && sessionId !== null) return path('sessions', sessionId);
  if (kind === 'demand_matched' && text(payload, 'demandId') !== null)
    return '/console/enterprise/demands';
  if (dealId !== null) return path('deals', dealId);
  if (lotId !== null) return path('lots', lotId);
  if (sessionId !== null) return path('sessions', sessionId);
  if (resultId !== null) return path('results', resultId);
  return null;
}

/**
 * The words of a notification in the page's language, from its kind and payload. Every payload
 * field is optional: what is missing is left out of the sentence (or named neutrally), so any
 * producer's payload reads well. Money is fen shown as ¥ (万 in Chinese), times in the reader's
 * zone.
 */
export function describeNotification(
  notification: Pick<NotificationView, 'kind' | 'payload'>,
  t: TFunction,
  language: string,
): NotificationText {
  const { kind, payload } = notification;
  const k = (key: string) => `notifications.kind.${kind}.${key}`;
  const money = (...keys: string[]) => {
    for (const key of keys) {
      const value = number(payload, key);
      if (value !== null) return formatFen(value, language);
    }
    return null;
  };
  const time = (key: string) => {
    const value = text(payload, key);
    return value === null ? null : formatMoment(value, language);
  };
  const quoted = (title: string | null, fallback: string) =>
    title === null ? t(`notifications.fallback.${fallback}`) : t('notifications.quote', { title });
  const what = quoted(
    text(payload, 'resultTitle') ?? text(payload, 'sessionTitle') ?? text(payload, 'demandTitle'),
    'result',
  );
  const session = quoted(text(payload, 'sessionTitle'), 'session');
  /** A clause of the sentence when its value is known. */
  const clause = (key: string, values: Record<string, string | number> | null) =>
    values === null ? '' : t(k(key), values);
  const when = <T>(value: T | null, build: (value: T) => Record<string, string | number>) =>
    value === null ? null : build(value);

  let body: string;
  switch (kind) {
    case 'outbid':
      body =
        t(k('body'), { what: quoted(text(payload, 'resultTitle'), 'lot') }) +
        clause(
          'price',
          when(money('price'), (price) => ({ price })),
        ) +
        clause(
          'next',
          when(money('minNext'), (next) => ({ next })),
        );
      break;
    case 'lot_won':
      body =
        t(k('body'), { what }) +
        clause(
          'price',
          when(money('price', 'hammerPrice'), (price) => ({ price })),
        ) +
        clause(
          'due',
          when(time('dueAt'), (date) => ({ date })),
        );
      break;
    case 'lot_lost':
      body =
        t(k('body'), { what }) +
        clause(
          'price',
          when(money('price', 'hammerPrice'), (price) => ({ price })),
        );
      break;
    case 'registration_approved': {
      const deposit = number(payload, 'depositAmount');
      body =
        t(k('body'), { session }) +
        (deposit === null
          ? ''
          : deposit > 0
            ? t(k('deposit'), { amount: formatFen(deposit, language) })
            : t(k('noDeposit'))) +
        clause(
          'paddle',
          when(number(payload, 'paddle'), (paddle) => ({ paddle })),
        );
      break;
    }
    case 'deposit_confirmed':
    case 'deposit_refunded':
      body =
        t(k('body'), { session }) +
        clause(
          'amount',
          when(money('amount', 'depositAmount'), (amount) => ({ amount })),
        );
      break;
    case 'deposit_forfeited':
      body =
        t(k('body'), { what }) +
        clause(
          'amount',
          when(money('amount', 'depositAmount'), (amount) => ({ amount })),
        );
      break;
    case 'favourite_lot_opening':
      body =
        t(k('body'), { what }) +
        clause(
          'opens',
          when(time('opensAt'), (date) => ({ date })),
        );
      break;
    case 'demand_matched': {
      const broker = text(payload, 'brokerName');
      const demand = text(payload, 'demandTitle');
      body = t(k('body'), {
        broker: broker ?? t('notifications.fallback.broker'),
        demand: demand === null ? '' : t(k('demand'), { title: demand }),
        what: quoted(text(payload, 'resultTitle'), 'result'),
      });
      break;
    }
    case 'deal_requested':
      body =
        t(k('body'), {
          buyer: text(payload, 'buyerName') ?? t('notifications.fallback.buyer'),
          what,
        }) +
        clause(
          'price',
          when(money('price'), (price) => ({ price })),
        ) +
        (payload['proposed'] === true ? t(k('proposed')) : '') +
        t(k('answer'));
      break;
    case 'deal_accepted':
      body =
        t(k('body'), { what }) +
        clause(
          'due',
          when(time('dueAt'), (date) => ({ date })),
        );
      break;
    case 'deal_declined':
      body =
        t(k('body'), { what }) +
        clause(
          'reason',
          when(text(payload, 'reason'), (reason) => ({ reason })),
        );
      break;
    case 'ufpl_term_ending':
      body =
        t(k('body'), { what }) +
        clause(
          'ends',
          when(time('termEndsAt'), (date) => ({ date })),
        ) +
        t(k('evidence'));
      break;
    case 'ufpl_evidence_submitted':
      body = t(k('body'), { what }) + (payload['complete'] === true ? t(k('complete')) : '');
      break;
    case 'ufpl_outcome':
      body =
        payload['achieved'] === false || text(payload, 'outcome') === 'not_achieved'
          ? t(k('notAchieved'), { what })
          : t(k('achieved'), { what }) +
            clause(
              'fee',
              when(money('fee', 'amount'), (fee) => ({ fee })),
            ) +
            clause(
              'due',
              when(time('dueAt'), (date) => ({ date })),
            );
      break;
    case 'ufpl_disputed':
      body = t(k('body'), { what });
      break;
    case 'payment_due_soon':
    case 'payment_due':
    case 'payment_overdue':
      body =
        t(k('body'), { what }) +
        clause(
          'amount',
          when(money('amount', 'outstanding', 'price', 'fee'), (amount) => ({ amount })),
        ) +
        clause(
          'due',
          when(time('dueAt'), (date) => ({ date })),
        );
      break;
    case 'payment_received':
      body =
        t(k('body'), { what }) +
        clause(
          'amount',
          when(money('amount'), (amount) => ({ amount })),
        );
      break;
  }
  const title =
    kind === 'ufpl_outcome'
      ? t(
          payload['achieved'] === false || text(payload, 'outcome') === 'not_achieved'
            ? k('titleNotAchieved')
            : k('title'),
        )
      : t(k('title'));
  return { title, body: body + t('notifications.end'), link: notificationLink(kind, payload) };
}

/** "just now", "5 minutes ago", "yesterday": how long ago, from `now` (the server's or the page's). */
export function relativeTime(iso: string, now: number, language: string): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((then - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale(language), { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 45) return format.format(0, 'second');
  if (abs < 45 * 60) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return format.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86400) return format.format(Math.round(seconds / 86400), 'day');
  return formatMoment(iso, language);
}
