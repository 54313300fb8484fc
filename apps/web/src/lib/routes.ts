import { matchPath } from 'react-router';

/** The live room of one lot (App.tsx routes it to `LiveRoomPage`). */
export const LOT_ROOM_ROUTE = '/lots/:id';

/** The lot whose live room a path shows, or null when the path is no lot's room. */
export function lotRoomOf(pathname: string): string | null {
  return matchPath(LOT_ROOM_ROUTE, pathname)?.params.id ?? null;
}
