/** The one table of TanStack Query keys: socket events and mutations invalidate through it. */
export const queryKeys = {
  health: ['health'] as const,
};
