import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { AUCTION_NAMESPACE } from '@kepai/contracts';
import { AuctionRealtimeGateway } from '@kepai/api-core';
import { startKepai, type KepaiServer } from '../src/app/server';
import { registerAccount } from './support/accounts';
import {
  DATABASE_URL,
  REDIS_URL,
  freshDatabase,
  tempFolder,
  testConfig,
  type TestDatabase,
  type TestFolder,
} from './support/environment';

const ready = DATABASE_URL !== null && REDIS_URL !== null;
if (!ready) {
  console.warn(
    'two api nodes sharing socket.io rooms: skipped, needs DATABASE_URL and REDIS_URL (CI sets both)',
  );
}

(ready ? describe : describe.skip)('two api nodes on one PostgreSQL and one Redis', () => {
  let database: TestDatabase;
  let folder: TestFolder;
  let nodeA: KepaiServer;
  let nodeB: KepaiServer;
  let client: Socket | undefined;

  beforeAll(async () => {
    database = await freshDatabase();
    folder = tempFolder('nodes');
    nodeA = await startKepai(testConfig(database, join(folder.path, 'a')));
    nodeB = await startKepai(testConfig(database, join(folder.path, 'b')));
  });

  afterAll(async () => {
    client?.disconnect();
    await nodeA?.stop();
    await nodeB?.stop();
    await database?.drop();
    folder?.remove();
  });

  it('lets a node reach a socket connected to the other node', async () => {
    const enterprise = await registerAccount(nodeA.url, 'enterprise');
    client = io(`${nodeB.url}${AUCTION_NAMESPACE}`, {
      transports: ['websocket'],
      reconnection: false,
      auth: { token: enterprise.token },
    });
    await new Promise<void>((resolve, reject) => {
      client?.once('connect', resolve);
      client?.once('connect_error', reject);
    });
    const namespaceA = nodeA.app.get(AuctionRealtimeGateway).namespace;
    const sockets = await namespaceA.fetchSockets();
    expect(sockets.map((socket) => socket.id)).toContain(client.id);

    const received = new Promise<unknown>((resolve) => client?.once('lot:state', resolve));
    // the user's own room, joined at the handshake on node B, reached from node A
    namespaceA.to(`user:${enterprise.user.id}`).emit('lot:state', { probe: 'from node A' });
    await expect(received).resolves.toEqual({ probe: 'from node A' });
  });
});
