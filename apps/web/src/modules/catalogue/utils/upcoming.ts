import type { LotListItem, SessionView } from '@kepai/contracts';

/** A session with lots still to open, as the home page lists it. */
export interface UpcomingSession {
  id: string;
  title: string;
  format: LotListItem['session']['format'];
  host: { id: string; name: string };
  /** When its first lot still to come opens. */
  opensAt: string;
  /** How many of its lots are still to open. */
  lotCount: number;
  /** The titles of those lots, the soonest first. */
  titles: string[];
}

/**
 * Lots still to open (GET /lots?status=upcoming) gathered by session, the session opening soonest
 * first; lots already opened or past their opening time are left out.
 */
export function upcomingSessions(lots: LotListItem[], now: number, limit = 4): UpcomingSession[] {
  const bySession = new Map<string, UpcomingSession>();
  const sorted = lots
    .filter((lot) => lot.status === 'scheduled' && Date.parse(lot.opensAt) > now)
    .sort((a, b) => Date.parse(a.opensAt) - Date.parse(b.opensAt));
  for (const lot of sorted) {
    const known = bySession.get(lot.sessionId);
    if (known !== undefined) {
      known.lotCount += 1;
      known.titles.push(lot.result.title);
      continue;
    }
    bySession.set(lot.sessionId, {
      id: lot.session.id,
      title: lot.session.title,
      format: lot.session.format,
      host: lot.session.host,
      opensAt: lot.opensAt,
      lotCount: 1,
      titles: [lot.result.title],
    });
  }
  return [...bySession.values()].slice(0, limit);
}

/**
 * The lots of the sessions (GET /sessions) in the shape of GET /lots, for an api without that
 * list: the same upcoming sessions can then be worked out from either.
 */
export function lotsOfSessions(sessions: SessionView[]): LotListItem[] {
  return sessions.flatMap((session) =>
    session.lots.map((lot) => ({
      ...lot,
      session: { id: session.id, title: session.title, format: session.format, host: session.host },
    })),
  );
}
