import { highlightText, lexemes, parseQuery, tokenize, tsvectorLiteral } from './tokenizer';

describe('tokenize', () => {
  it('splits Chinese into overlapping bigrams and keeps Latin words whole', () => {
    expect(tokenize('石墨烯 Graphene 锂电池')).toEqual({
      cjk: ['石墨', '墨烯', '锂电', '电池'],
      latin: ['graphene'],
    });
  });

  it('keeps a lone Chinese character as a unigram', () => {
    expect(tokenize('碳')).toEqual({ cjk: ['碳'], latin: [] });
  });

  it('splits mixed runs at the script boundary and keeps model numbers', () => {
    expect(tokenize('基于YOLOv8的缺陷检测').latin).toEqual(['yolov8']);
    expect(tokenize('基于YOLOv8的缺陷检测').cjk).toEqual(['基于', '的缺', '缺陷', '陷检', '检测']);
    expect(tokenize('ISO 9001, H01M-4/583.').latin).toEqual(['iso', '9001', 'h01m-4', '583']);
  });

  it('folds full-width characters', () => {
    expect(tokenize('ＡＩ芯片').latin).toEqual(['ai']);
  });
});

describe('lexemes', () => {
  it('gives distinct tokens', () => {
    expect(lexemes('电池电池 battery battery')).toEqual(['电池', '池电', 'battery']);
  });
});

describe('parseQuery', () => {
  it('requires every word and every bigram of a word', () => {
    expect(parseQuery('石墨烯 电池').tsquery).toBe("'石墨' & '墨烯' & '电池'");
  });

  it('matches a lone character as a prefix and the last Latin word as a prefix', () => {
    expect(parseQuery('碳').tsquery).toBe("'碳':*");
    expect(parseQuery('lidar grap').tsquery).toBe("'lidar' & 'grap':*");
  });

  it('ORs in the similar terms given for a misspelt word', () => {
    expect(parseQuery('grapheen', { grapheen: ['graphene'] }).tsquery).toBe(
      "('grapheen':* | 'graphene')",
    );
  });

  it('escapes quotes so the query cannot break the tsquery syntax', () => {
    expect(parseQuery("o'neil").tsquery).toBe("'o' & 'neil':*");
    expect(parseQuery("\\' | ! & :*").tsquery).toBeNull();
  });

  it('has no tsquery for punctuation only', () => {
    expect(parseQuery('  ， 。!!').tsquery).toBeNull();
  });
});

describe('highlightText', () => {
  it('marks matched Chinese runs and Latin words', () => {
    expect(
      highlightText('一种石墨烯负极材料 for Graphene batteries', ['石墨', '墨烯', 'graphene']),
    ).toBe('一种«石墨烯»负极材料 for «Graphene» batteries');
  });

  it('leaves text without matches alone', () => {
    expect(highlightText('智能温室', ['电池'])).toBe('智能温室');
  });
});

describe('tsvectorLiteral', () => {
  it('gives every lexeme a position and its weight, and escapes quotes', () => {
    expect(
      tsvectorLiteral([
        [['石墨', '墨烯'], 'A'],
        [['graphene'], 'B'],
        [["o'k"], 'D'],
      ]),
    ).toBe("'石墨':1A '墨烯':2A 'graphene':3B 'o''k':4D");
  });
});
