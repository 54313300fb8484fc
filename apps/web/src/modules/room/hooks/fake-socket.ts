/** A stand-in for the socket.io client in hook tests. */
type Handler = (...args: unknown[]) => void;

/** Just enough of a socket.io client: server events are fired by the test, acks are scripted. */
export class FakeSocket {
  connected = true;
  active = true;
  handlers = new Map<string, Set<Handler>>();
  sent: Array<{ event: string; payload: unknown }> = [];
  answers: Record<string, (payload: unknown) => unknown> = {};
  io = { on: () => undefined, off: () => undefined };

  on(event: string, handler: Handler) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)?.add(handler);
    return this;
  }
  off(event: string, handler: Handler) {
    this.handlers.get(event)?.delete(handler);
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    for (const handler of [...(this.handlers.get(event) ?? [])]) handler(...args);
  }
  emit(event: string, payload: unknown) {
    this.sent.push({ event, payload });
    return this;
  }
  timeout() {
    return {
      emitWithAck: async (event: string, payload: unknown) => {
        this.sent.push({ event, payload });
        const answer = this.answers[event];
        if (answer === undefined) throw new Error('timeout');
        return answer(payload);
      },
    };
  }
  joins() {
    return this.sent.filter((s) => s.event === 'lot:join').map((s) => s.payload);
  }
}
