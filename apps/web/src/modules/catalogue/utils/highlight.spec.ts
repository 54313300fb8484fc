import { highlightSegments, plainText } from './highlight';

describe('highlightSegments', () => {
  it('splits marked terms from the text around them', () => {
    expect(highlightSegments('无钴锂硫«电池»正极及«电»动船舶')).toEqual([
      { text: '无钴锂硫', marked: false },
      { text: '电池', marked: true },
      { text: '正极及', marked: false },
      { text: '电', marked: true },
      { text: '动船舶', marked: false },
    ]);
  });

  it('joins adjacent marks and leaves out empty ones', () => {
    expect(highlightSegments('«电»«池»«»end')).toEqual([
      { text: '电池', marked: true },
      { text: 'end', marked: false },
    ]);
  });

  it('keeps a marker without its partner as text', () => {
    expect(highlightSegments('a«b')).toEqual([{ text: 'a«b', marked: false }]);
    expect(highlightSegments('a»b«c»')).toEqual([
      { text: 'a»b', marked: false },
      { text: 'c', marked: true },
    ]);
  });

  it('gives nothing for nothing and markup as plain text', () => {
    expect(highlightSegments('')).toEqual([]);
    expect(plainText('<b>«x»</b>')).toBe('<b>x</b>');
  });
});
