/** A run of text, marked when the search matched it. */
export interface TextSegment {
  text: string;
  marked: boolean;
}

const OPEN = '«';
const CLOSE = '»';

/**
 * Splits the api's highlighted text (`无钴锂硫«电池»正极`) into plain and marked runs, to be
 * rendered as text and `<mark>` elements — never as HTML. A marker without its partner is kept as
 * the character it is, so no text is ever lost.
 */
export function highlightSegments(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  const push = (run: string, marked: boolean) => {
    if (run === '') return;
    const last = segments[segments.length - 1];
    if (last !== undefined && last.marked === marked) last.text += run;
    else segments.push({ text: run, marked });
  };
  let rest = text;
  while (rest !== '') {
    const open = rest.indexOf(OPEN);
    if (open === -1) {
      push(rest, false);
      break;
    }
    const close = rest.indexOf(CLOSE, open + 1);
    if (close === -1) {
      push(rest, false);
      break;
    }
    push(rest.slice(0, open), false);
    push(rest.slice(open + 1, close), true);
    rest = rest.slice(close + 1);
  }
  return segments;
}

/** The text without its markers, for places that show no highlight (titles of links, alt). */
export function plainText(text: string): string {
  return highlightSegments(text)
    .map((segment) => segment.text)
    .join('');
}
