import { changedPaths, fieldPath } from './form-errors';

describe('fieldPath', () => {
  it('turns indexes into numbers', () => {
    expect(fieldPath('ladder.2.step')).toEqual(['ladder', 2, 'step']);
    expect(fieldPath('title')).toEqual(['title']);
  });
});

describe('changedPaths', () => {
  it('finds the leaves antd reports as changed, skipping the rows left out', () => {
    // antd reports a list change as a sparse array with only the changed row
    const ladder: Array<{ step: string } | undefined> = [];
    ladder[2] = { step: '5' };
    expect(changedPaths({ ladder })).toEqual([['ladder', 2, 'step']]);
    expect(changedPaths({ title: 'abc' })).toEqual([['title']]);
  });

  it('takes dates and empty values as leaves', () => {
    const when = new Date();
    expect(changedPaths({ startsAt: when, deposit: '' })).toEqual([['startsAt'], ['deposit']]);
    expect(changedPaths({ startsAt: null })).toEqual([['startsAt']]);
  });
});
