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
 * Writes a result's search vector: title lexemes weigh most (A), then keywords (B), summary (C),
 * description, team and institute (D). Lexemes are made here, not by a PostgreSQL parser, so CJK
 * bigrams are the same on PostgreSQL and PGlite. Latin words also go into search_term, the
 * dictionary that misspelt query words are matched against.
 */
export async function indexResult(
  manager: EntityManager,
  resultId: string,
  text: IndexedText,
): Promise<void> {
  const a = lexemes(text.title);
  const b = lexemes(text.keywords.join(' ')).filter((lexeme) => !a.includes(lexeme));
  const c = lexemes(text.summary).filter((lexeme) => !a.includes(lexeme) && !b.includes(lexeme));
  const d = lexemes([text.description, ...text.extra].join(' ')).filter(
    (lexeme) => !a.includes(lexeme) && !b.includes(lexeme) && !c.includes(lexeme),
  );
  await manager.query(`UPDATE result SET search_vector = $2::tsvector WHERE id = $1`, [
    resultId,
    tsvectorLiteral([
      [a, 'A'],
      [b, 'B'],
      [c, 'C'],
      [d, 'D'],
    ]),
  ]);
  const latin = [
    ...new Set(
      tokenize([text.title, text.keywords.join(' '), text.summary, text.description].join(' '))
        .latin,
    ),
  ].filter((word) => word.length >= 3 && !/^\d+$/.test(word));
  if (latin.length > 0) {
    await manager.query(
      `INSERT INTO search_term (term) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`,
      [latin],
    );
  }
}
