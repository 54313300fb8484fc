import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgresOptions {
  /** Folder holding the database; `memory://` keeps it in memory (tests). */
  dataDir: string | 'memory://';
  /** Connections the multiplexer accepts at once. */
  maxConnections?: number;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process at a time may own an embedded database folder: two PGlite instances writing the
 * same files would corrupt it. A lock file holds the owner's pid; a stale lock (its process is
 * gone) is taken over.
 */
function lockFolder(folder: string): () => void {
  const lockPath = join(folder, 'kepai.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockPath, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processAlive(owner)) {
        throw new Error(
          `the embedded database in ${folder} is in use by process ${owner}; stop it or set KEPAI_DATA_DIR to another folder`,
          { cause: error },
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`could not lock the embedded database in ${folder}`);
}

/**
 * PostgreSQL in WebAssembly (PGlite), served on a loopback port by pglite-socket so that the
 * api talks to it with the same `pg` driver, entities and migrations as to a real server.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly unlock: () => void,
    /** `postgresql://` URL of the loopback server. */
    readonly url: string,
    /** True when the folder held no database before this start. */
    readonly fresh: boolean,
  ) {}

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
    let unlock = (): void => undefined;
    let fresh = true;
    let dataDir: string | undefined;
    if (options.dataDir !== 'memory://') {
      mkdirSync(options.dataDir, { recursive: true });
      unlock = lockFolder(options.dataDir);
      dataDir = join(options.dataDir, 'pglite');
      fresh = !existsSync(join(dataDir, 'PG_VERSION'));
    }
    try {
      const db = await PGlite.create({ dataDir, extensions: { pg_trgm } });
      const server = new PGLiteSocketServer({
        db,
        host: '127.0.0.1',
        port: 0,
        maxConnections: options.maxConnections ?? 16,
      });
      keepProtocolUnitsWhole(server);
      await server.start();
      const [host, port] = server.getServerConn().split(':');
      return new EmbeddedPostgres(
        db,
        server,
        unlock,
        `postgresql://postgres@${host}:${port}/postgres`,
        fresh,
      );
    } catch (error) {
      unlock();
      throw error;
    }
  }

  /** Stops accepting connections, then closes the database cleanly and frees the folder. */
  async stop(): Promise<void> {
    try {
      await this.server.stop();
      await this.db.close();
    } finally {
      this.unlock();
    }
  }
}

/** The frontend messages that open or continue an extended-protocol unit (closed by Sync). */
const EXTENDED = new Set(
  ['P', 'B', 'D', 'E', 'C', 'H', 'F', 'd', 'c', 'f'].map((c) => c.charCodeAt(0)),
);

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
}

interface SocketQueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
}

/**
 * pglite-socket (0.2.17) multiplexes connections onto the one PGlite backend message by message:
 * it keeps a connection's transaction together, but not its extended-protocol unit (Parse, Bind,
 * Describe, Execute … Sync), so two connections' parameterised queries can interleave and one
 * gets the other's rows, or none (electric-sql/pglite#1046; we saw a burst of bids answered
 * UNAUTHENTICATED). This replaces its queue's scheduler with one that also stays with a
 * connection from its first extended message until its Sync, exactly like a transaction.
 */
function keepProtocolUnitsWhole(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue?: SocketQueryQueue }).queryQueue;
  if (
    queue === undefined ||
    !Array.isArray(queue.queue) ||
    typeof queue.processQueue !== 'function'
  )
    throw new Error('pglite-socket changed: review keepProtocolUnitsWhole before upgrading');
  let unitOf: number | null = null;
  // a connection that goes away in the middle of a unit must not hold the queue
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number): void => {
    if (unitOf === handlerId) unitOf = null;
    clear(handlerId);
    void queue.processQueue();
  };
  queue.processQueue = async function processQueue(this: SocketQueryQueue): Promise<void> {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = unitOf ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === owner);
        if (index === -1) break; // the owner's next message has not arrived yet
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          unitOf = null;
          item.reject(error);
          continue;
        }
        const type = item.message[0];
        unitOf = type !== undefined && EXTENDED.has(type) ? item.handlerId : null;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
}
