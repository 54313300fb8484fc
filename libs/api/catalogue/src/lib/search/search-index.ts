import type { EntityManager } from 'typeorm';
import { lexemes, tokenize, tsvectorLiteral } from './tokenizer';

export interface IndexedText {
  title: string;
  keywords: string[];
  summary: string;
  description: string;
  extra: string[];
}

/**
 * A result's search vector: title lexemes weigh most (A), then keywords (B), summary (C),
 * description, team and institute (D), each lexeme once at its heaviest. Lexemes are made here,
 * not by a PostgreSQL parser, so CJK bigrams are the same on PostgreSQL and PGlite.
 */
export function searchVector(text: IndexedText): string {
  const a = lexemes(text.title);
  const b = lexemes(text.keywords.join(' ')).filter((lexeme) => !a.includes(lexeme));
  const c = lexemes(text.summary).filter((lexeme) => !a.includes(lexeme) && !b.includes(lexeme));
  const d = lexemes([text.description, ...text.extra].join(' ')).filter(
    (lexeme) => !a.includes(lexeme) && !b.includes(lexeme) && !c.includes(lexeme),
  );
  return tsvectorLiteral([
    [a, 'A'],
    [b, 'B'],
    [c, 'C'],
    [d, 'D'],
  ]);
}

/** The Latin words of a result for search_term, the dictionary misspelt query words are matched against. */
export function searchTerms(text: IndexedText): string[] {
  const words = tokenize(
    [text.title, text.keywords.join(' '), text.summary, text.description].join(' '),
  ).latin;
  return [...new Set(words)].filter((word) => word.length >= 3 && !/^\d+$/.test(word));
}

/** Writes a result's search vector and adds its Latin words to search_term. */
export async function indexResult(
  manager: EntityManager,
  resultId: string,
  text: IndexedText,
): Promise<void> {
  await manager.query(`UPDATE result SET search_vector = $2::tsvector WHERE id = $1`, [
    resultId,
    searchVector(text),
  ]);
  const latin = searchTerms(text);
  if (latin.length > 0) {
    await manager.query(
      `INSERT INTO search_term (term) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`,
      [latin],
    );
  }
}
