import { act, cleanup, render } from '@testing-library/react';
import { ConfigProvider, DatePicker } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { dayjsLocaleOf, setupI18n, switchLanguage } from './i18n';

const i18n = setupI18n('zh-CN');

/** A date picker opened on March 2026, localised as App.tsx does it. */
function Picker() {
  const { i18n: current } = useTranslation();
  return (
    <ConfigProvider locale={current.language === 'en' ? enUS : zhCN}>
      <DatePicker open defaultPickerValue={dayjs('2026-03-04')} getPopupContainer={(n) => n} />
    </ConfigProvider>
  );
}

function weekdayHeads(): string[] {
  return [...document.querySelectorAll('.ant-picker-content thead th')].map(
    (cell) => cell.textContent ?? '',
  );
}

describe('dates in the page’s language', () => {
  afterEach(async () => {
    cleanup();
    await act(() => i18n.changeLanguage('zh-CN'));
  });

  it('names the dayjs locale of each language', () => {
    expect(dayjsLocaleOf('zh-CN')).toBe('zh-cn');
    expect(dayjsLocaleOf('en')).toBe('en');
  });

  it('starts in Chinese: weekdays and months in Chinese, weeks from Monday', () => {
    expect(dayjs.locale()).toBe('zh-cn');
    const wednesday = dayjs('2026-03-04');
    expect(wednesday.format('dddd MMMM')).toBe('星期三 三月');
    expect(wednesday.startOf('week').format('YYYY-MM-DD')).toBe('2026-03-02');
  });

  it('follows the language switch, and back', () => {
    switchLanguage('en');
    expect(dayjs.locale()).toBe('en');
    expect(dayjs('2026-03-04').format('dddd MMMM')).toBe('Wednesday March');
    expect(dayjs('2026-03-04').startOf('week').format('YYYY-MM-DD')).toBe('2026-03-01');
    switchLanguage('zh-CN');
    expect(dayjs.locale()).toBe('zh-cn');
    expect(localStorage.getItem('kepai.language')).toBe('zh-CN');
  });

  it('shows an antd date picker in Chinese from Monday, and in English from Sunday', async () => {
    render(<Picker />);
    expect(weekdayHeads()).toEqual(['一', '二', '三', '四', '五', '六', '日']);
    expect(document.querySelector('.ant-picker-header-view')?.textContent).toBe('2026年3月');
    cleanup();
    await act(() => i18n.changeLanguage('en'));
    render(<Picker />);
    expect(weekdayHeads()).toEqual(['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa']);
    expect(document.querySelector('.ant-picker-header-view')?.textContent).toBe('Mar2026');
  });
});
