import { configure } from '@testing-library/dom';
import { TextDecoder, TextEncoder } from 'node:util';

// findBy/waitFor give up after 1 s by default; an antd form validated on a loaded 2-core CI
// machine can take longer than that. A ceiling, not a target: a passing wait returns at once.
configure({ asyncUtilTimeout: 10_000 });

// jsdom lacks what antd's responsive components ask the browser for.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});
class NoResizeObserver {
  observe(): void {
    // jsdom lays nothing out: no size ever changes
  }
  unobserve(): void {
    // nothing observed
  }
  disconnect(): void {
    // nothing observed
  }
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResizeObserver;

// antd measures scrollbars through getComputedStyle(element, '::-webkit-scrollbar'); jsdom has no
// pseudo-elements and prints "Not implemented" for each call, so the element's own style answers
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computedStyle(element);

// react-router reads TextEncoder when it loads; jsdom has none
Object.assign(globalThis, { TextEncoder, TextDecoder });

/**
 * antd's forms schedule work through MessageChannel, which jsdom lacks. Node's own keeps jest
 * from exiting when it runs in band (as in CI), so this one delivers on timers.
 */
class TimerPort {
  other: TimerPort | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  postMessage(data: unknown): void {
    setTimeout(() => this.other?.onmessage?.({ data }), 0);
  }
  close(): void {
    this.other = null;
  }
}
class TimerChannel {
  readonly port1 = new TimerPort();
  readonly port2 = new TimerPort();
  constructor() {
    this.port1.other = this.port2;
    this.port2.other = this.port1;
  }
}
(globalThis as { MessageChannel?: unknown }).MessageChannel = TimerChannel;
