import { organisationFilterOf, rejectReasonIssue } from './review';

describe('rejection reasons', () => {
  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['差', 'length'],
    ['x'.repeat(501), 'length'],
    ['请补充专利证书扫描件', null],
    ['  ok  ', null],
  ])('"%s" → %s', (text, issue) => {
    expect(rejectReasonIssue(text)).toBe(issue);
  });
});

describe('organisation filter', () => {
  it('is pending unless the address says verified or all', () => {
    expect(organisationFilterOf(null)).toBe('pending');
    expect(organisationFilterOf('junk')).toBe('pending');
    expect(organisationFilterOf('verified')).toBe('verified');
    expect(organisationFilterOf('all')).toBe('all');
  });
});
