import { jest } from '@jest/globals';
import { cleanup, render, screen } from '@testing-library/react';
import { setupI18n } from '../../../i18n/i18n';
import { ChartBoundary, ChartFailed } from './ChartBoundary';

setupI18n('zh-CN');

function Chart({ fails }: { fails: boolean }) {
  if (fails) throw new RangeError('The number 0.2 cannot be converted to a BigInt');
  return <div data-testid="chart">drawn</div>;
}

function Page({ fails, generatedAt }: { fails: boolean; generatedAt: string }) {
  return (
    <>
      <p data-testid="headline">¥0</p>
      <ChartBoundary resetKey={generatedAt} fallback={<ChartFailed testId="chart-field" />}>
        <Chart fails={fails} />
      </ChartBoundary>
      <ChartBoundary resetKey={generatedAt} fallback={<ChartFailed testId="chart-other" />}>
        <Chart fails={false} />
      </ChartBoundary>
    </>
  );
}

describe('ChartBoundary', () => {
  afterEach(() => {
    cleanup();
    jest.restoreAllMocks();
  });

  it('puts a line in place of a chart that throws, and leaves the rest of the page standing', () => {
    // React reports the error it caught; the test needs no copy of it
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<Page fails generatedAt="2026-11-22T06:00:00.000Z" />);
    const failed = screen.getByTestId('chart-field');
    expect(failed.textContent).toBe('图表暂时无法显示');
    expect(failed.dataset['failed']).toBe('true');
    expect(screen.getByTestId('headline').textContent).toBe('¥0');
    expect(screen.getAllByTestId('chart')).toHaveLength(1);
    expect(logged).toHaveBeenCalled();
  });

  it('tries the chart again when new figures arrive', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { rerender } = render(<Page fails generatedAt="2026-11-22T06:00:00.000Z" />);
    expect(screen.queryByTestId('chart-field')).not.toBeNull();
    rerender(<Page fails={false} generatedAt="2026-11-22T06:00:00.000Z" />);
    expect(screen.queryByTestId('chart-field')).not.toBeNull();
    rerender(<Page fails={false} generatedAt="2026-11-22T06:01:00.000Z" />);
    expect(screen.queryByTestId('chart-field')).toBeNull();
    expect(screen.getAllByTestId('chart')).toHaveLength(2);
  });
});
