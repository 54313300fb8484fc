import { useMemo } from 'react';
import { highlightSegments } from '../utils/highlight';

/** Text from the search with its matched terms (between « and ») in `<mark>`, as plain text. */
export function Highlighted({ text }: { text: string }) {
  const segments = useMemo(() => highlightSegments(text), [text]);
  return (
    <>
      {segments.map((segment, index) =>
        segment.marked ? (
          <mark key={index} className="cat-hit">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
