import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What stands in a chart's place when it cannot be drawn: a line saying so, in the card. */
export function ChartFailed({ testId }: { testId?: string }) {
  const { t } = useTranslation();
  return (
    <p className="stats-empty" role="alert" data-testid={testId} data-failed="true">
      {t('stats.chartFailed')}
    </p>
  );
}

interface Props {
  /** Shown instead of the chart once it has failed. */
  fallback: ReactNode;
  /** A new value (new figures from the server) tries the chart again. */
  resetKey?: string;
  children: ReactNode;
}

interface State {
  failed: boolean;
  resetKey: string | undefined;
}

/**
 * One chart that throws while React builds or mounts it (its option, say) takes down its own card
 * only: the figures, the other charts and the tables of the dashboard stay on screen. ECharts
 * draws later, outside React, so an axis formatter must not throw at all (see `moneyFormatter`).
 */
export class ChartBoundary extends Component<Props, State> {
  override state: State = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
