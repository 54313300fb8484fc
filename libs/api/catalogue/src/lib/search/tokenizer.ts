/**
 * Search tokens for Chinese and Latin text alike (DESIGN §5). PostgreSQL's parsers do not split
 * Chinese, so Kepai splits it itself: every run of CJK characters becomes its overlapping
 * bigrams (石墨烯 → 石墨, 墨烯), a lone CJK character stays a unigram, and Latin words and numbers
 * are lower-cased whole. Documents and queries go through the same function, so a two-character
 * query is one bigram and hits the GIN index directly.
 */

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
/** Letters of alphabetic scripts (Latin, Greek, Cyrillic) and digits: never CJK. */
const WORD = '[0-9a-z\\u00c0-\\u024f\\u0370-\\u03ff\\u0400-\\u04ff]';
const SEGMENT = new RegExp(
  `[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]+|${WORD}(?:${WORD}|[._+-](?=${WORD}))*`,
  'giu',
);
const LATIN_WORD = new RegExp(`${WORD}(?:${WORD}|[._+-](?=${WORD}))*`, 'giu');

export interface Tokens {
  /** CJK bigrams, plus unigrams of lone CJK characters. */
  cjk: string[];
  /** Lower-cased Latin words and numbers, trailing punctuation trimmed. */
  latin: string[];
}

export function isCjk(text: string): boolean {
  return CJK.test(text);
}

export function tokenize(text: string): Tokens {
  const cjk: string[] = [];
  const latin: string[] = [];
  for (const match of text.normalize('NFKC').matchAll(SEGMENT)) {
    const segment = match[0];
    if (CJK.test(segment[0])) {
      const chars = Array.from(segment);
      if (chars.length === 1) cjk.push(chars[0]);
      for (let i = 0; i + 1 < chars.length; i++) cjk.push(chars[i] + chars[i + 1]);
    } else {
      const word = segment.toLowerCase();
      if (word.length <= 40) latin.push(word);
    }
  }
  return { cjk, latin };
}

/** Distinct lexemes of a text, CJK and Latin together, for a tsvector. */
export function lexemes(text: string): string[] {
  const { cjk, latin } = tokenize(text);
  return [...new Set([...cjk, ...latin])];
}

/**
 * A tsvector literal with a position and a weight for every lexeme: `'石墨':1A '墨烯':2A …`.
 * Positions matter: PostgreSQL keeps weights on positions, so lexemes without them (as
 * array_to_tsvector makes) all rank as D, whatever setweight says.
 */
export function tsvectorLiteral(groups: Array<[string[], 'A' | 'B' | 'C' | 'D']>): string {
  const parts: string[] = [];
  let position = 0;
  for (const [words, weight] of groups) {
    for (const word of words) {
      position = Math.min(position + 1, 16_383);
      parts.push(`'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}':${position}${weight}`);
    }
  }
  return parts.join(' ');
}

/** A lexeme written as a tsquery operand: quoted, with quotes and backslashes escaped. */
function operand(lexeme: string, prefix = false): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${prefix ? ':*' : ''}`;
}

export interface ParsedQuery {
  /** The tsquery text, or null when the query has no searchable token. */
  tsquery: string | null;
  /** Latin words of the query, to expand with similar indexed terms (typo tolerance). */
  latin: string[];
  /** Every token, for highlighting. */
  highlight: string[];
}

/**
 * The user's words as a tsquery: every word must match (AND). A lone CJK character matches any
 * bigram starting with it; the last Latin word also matches as a prefix (typing "grap" finds
 * graphene). `expansions` gives, per misspelt Latin word, indexed terms close to it, OR-ed in.
 */
export function parseQuery(q: string, expansions: Record<string, string[]> = {}): ParsedQuery {
  const words = q.normalize('NFKC').trim().split(/\s+/).filter(Boolean).slice(0, 12);
  const clauses: string[] = [];
  const latinWords: string[] = [];
  const highlight: string[] = [];
  words.forEach((word, index) => {
    const { cjk, latin } = tokenize(word);
    const last = index === words.length - 1;
    const parts: string[] = [];
    if (cjk.length === 1 && Array.from(cjk[0]).length === 1) parts.push(operand(cjk[0], true));
    else parts.push(...cjk.map((bigram) => operand(bigram)));
    for (const latinWord of latin) {
      latinWords.push(latinWord);
      const alternatives = [
        operand(latinWord, last && latinWord.length >= 3),
        ...(expansions[latinWord] ?? []).map((term) => operand(term)),
      ];
      parts.push(alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' | ')})`);
    }
    highlight.push(...cjk, ...latin, ...(expansions[latin[0] ?? ''] ?? []));
    if (parts.length > 0) clauses.push(parts.join(' & '));
  });
  return {
    tsquery: clauses.length > 0 ? clauses.join(' & ') : null,
    latin: [...new Set(latinWords)],
    highlight: [...new Set(highlight)],
  };
}

/**
 * Marks the matched terms in a text with «» so the client can render them: CJK characters covered
 * by a matched bigram or unigram, and whole Latin words that match, case-insensitively.
 */
export function highlightText(text: string, terms: string[]): string {
  if (terms.length === 0) return text;
  const chars = Array.from(text);
  const marked = new Array<boolean>(chars.length).fill(false);
  const cjkTerms = terms.filter(isCjk).map((term) => Array.from(term));
  for (let i = 0; i < chars.length; i++) {
    for (const term of cjkTerms) {
      if (term.every((char, k) => chars[i + k] === char))
        term.forEach((_, k) => (marked[i + k] = true));
    }
  }
  const latinTerms = new Set(terms.filter((term) => !isCjk(term)));
  for (const match of text.normalize('NFKC').matchAll(LATIN_WORD)) {
    if (!latinTerms.has(match[0].toLowerCase())) continue;
    const start = Array.from(text.slice(0, match.index)).length;
    for (let k = start; k < start + Array.from(match[0]).length; k++) marked[k] = true;
  }
  let out = '';
  chars.forEach((char, i) => {
    if (marked[i] && !marked[i - 1]) out += '«';
    out += char;
    if (marked[i] && !marked[i + 1]) out += '»';
  });
  return out;
}
