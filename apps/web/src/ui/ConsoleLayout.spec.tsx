import { act, render, screen } from '@testing-library/react';
import type { UserView } from '@kepai/contracts';
import { setupI18n } from '../i18n/i18n';

const { MemoryRouter } = await import('react-router');
const { ConsoleLayout, UnverifiedNotice, currentMenuKey } = await import('./ConsoleLayout');

setupI18n('zh-CN');

const HOME = '/console/broker';
const items = [
  { key: 'sessions', to: HOME, label: '我的专场' },
  { key: 'new', to: `${HOME}/sessions/new`, label: '新建专场' },
  { key: 'demands', to: `${HOME}/demands`, label: '需求撮合' },
];

function user(verified: boolean): UserView {
  return {
    id: 'u1',
    email: 'broker@demo.kepai.cn',
    displayName: '李经纪',
    role: 'owner',
    organisation: { id: 'o1', type: 'brokerage', name: '华信技术经纪', region: '上海', verified },
  };
}

describe('currentMenuKey', () => {
  it.each([
    [HOME, 'sessions'],
    [`${HOME}/`, 'sessions'],
    [`${HOME}/sessions/8d1c`, 'sessions'],
    [`${HOME}/sessions/new`, 'new'],
    [`${HOME}/demands`, 'demands'],
    [`${HOME}/demands/extra`, 'demands'],
    [`${HOME}/demandsx`, 'sessions'],
    [`${HOME}/elsewhere`, 'sessions'],
  ])('lights the entry of %s: %s', (pathname, key) => {
    expect(currentMenuKey(pathname, items)).toBe(key);
  });
});

describe('ConsoleLayout', () => {
  function renderAt(path: string, verified: boolean, menu: 'tabs' | 'bar' = 'tabs') {
    render(
      <MemoryRouter initialEntries={[path]}>
        <ConsoleLayout
          className="broker-console"
          title="经纪人工作台"
          user={user(verified)}
          unverified={<UnverifiedNotice help="认证通过前不能新建专场。" />}
          menuLabel="经纪人工作台菜单"
          items={items}
          menu={menu}
        >
          <p>页面</p>
        </ConsoleLayout>
      </MemoryRouter>,
    );
  }

  it('shows the title, the organisation, the menu with the current page lit, and the page', () => {
    renderAt(`${HOME}/demands`, true);
    expect(screen.getByRole('heading', { level: 1, name: '经纪人工作台' })).toBeTruthy();
    expect(screen.getByText('华信技术经纪')).toBeTruthy();
    const menu = screen.getByRole('navigation', { name: '经纪人工作台菜单' });
    const links = screen.getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual(
      items.map((item) => [item.label, item.to]),
    );
    expect(menu.querySelector('[aria-current="page"]')?.textContent).toBe('需求撮合');
    expect(screen.getByText('页面')).toBeTruthy();
    expect(screen.queryByTestId('unverified-banner')).toBeNull();
  });

  it('warns an unverified organisation what it cannot do yet', () => {
    renderAt(HOME, false);
    const banner = screen.getByTestId('unverified-banner');
    expect(banner.textContent).toContain('尚未通过实名认证');
    expect(banner.textContent).toContain('认证通过前不能新建专场。');
  });

  it('puts the menu in a bar when asked, with the current entry selected', async () => {
    renderAt(`${HOME}/sessions/new`, true, 'bar');
    // antd's menu measures its items once mounted
    await act(async () => undefined);
    const menu = screen.getByRole('navigation', { name: '经纪人工作台菜单' });
    expect(menu.querySelector('.ant-menu-item-selected')?.textContent).toBe('新建专场');
    expect(screen.getByRole('link', { name: '需求撮合' }).getAttribute('href')).toBe(
      `${HOME}/demands`,
    );
  });
});
