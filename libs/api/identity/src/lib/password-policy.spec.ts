import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblem('成果转化 needs 2 brokers!')).toBeNull();
  });

  it.each([
    ['short1!', /at least 10/],
    ['qwertyuiop', /commonly leaked/],
    ['Password123', /commonly leaked/],
    ['aaaaaaaaaaaa', /different characters/],
  ])('refuses %p', (password, reason) => {
    expect(passwordProblem(password)).toMatch(reason);
  });

  it('refuses a password built from the email address', () => {
    expect(passwordProblem('zhangwei-2026!', { email: 'zhangwei@example.cn' })).toMatch(/email/);
  });
});
