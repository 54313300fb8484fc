import type { DemandMatch } from '@kepai/contracts';

/**
 * How well each match fits, as a whole percentage of the best ranked match (the engine's scores
 * have no fixed scale); null for a broker's link that the engine did not rank.
 */
export function matchPercents(matches: readonly DemandMatch[]): Array<number | null> {
  const best = Math.max(0, ...matches.map((match) => match.score));
  return matches.map((match) =>
    match.score > 0 && best > 0 ? Math.max(1, Math.round((match.score / best) * 100)) : null,
  );
}
