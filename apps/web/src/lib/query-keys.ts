/**
 * The one table of TanStack Query keys: pages read through it, and mutations and socket events
 * invalidate or update the cache through it. Add a key here before using it anywhere.
 */
export const queryKeys = {
  health: ['health'] as const,
  me: ['me'] as const,
  search: (params: Record<string, string>) => ['search', params] as const,
  suggest: (q: string) => ['suggest', q] as const,
  result: (id: string) => ['results', id] as const,
  similar: (id: string) => ['results', id, 'similar'] as const,
  myResults: ['results', 'mine'] as const,
  myResultsByStatus: (status: string) => ['results', 'mine', status] as const,
  sessions: ['sessions'] as const,
  session: (id: string) => ['sessions', id] as const,
  lots: (filter: Record<string, string>) => ['lots', 'list', filter] as const,
  lot: (id: string) => ['lots', id] as const,
  lotBids: (id: string) => ['lots', id, 'bids'] as const,
  registrations: (sessionId: string) => ['sessions', sessionId, 'registrations'] as const,
  myRegistrations: ['me', 'registrations'] as const,
  myBids: ['me', 'bids'] as const,
  myFavourites: ['me', 'favourites'] as const,
  deals: ['deals'] as const,
  deal: (id: string) => ['deals', id] as const,
  notifications: (filter: Record<string, string>) => ['notifications', 'list', filter] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  statsOverview: ['stats', 'overview'] as const,
  demands: ['demands'] as const,
  demand: (id: string) => ['demands', id] as const,
  demandMatches: (id: string) => ['demands', id, 'matches'] as const,
  adminOrganisations: (filter: Record<string, string>) =>
    ['admin', 'organisations', filter] as const,
  adminResults: (filter: Record<string, string>) => ['admin', 'results', filter] as const,
  auditEvents: (filter: Record<string, string>) => ['admin', 'audit', filter] as const,
};
