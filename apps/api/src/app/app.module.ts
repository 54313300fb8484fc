import type { Redis } from 'ioredis';
import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { LoggerModule } from 'nestjs-pino';
import {
  Clock,
  DatabaseModule,
  HealthModule,
  KepaiConfigModule,
  RealtimeModule,
  RedisModule,
  pinoParams,
  type DatabaseTarget,
  type KepaiConfig,
} from '@kepai/api-core';
import { AuctionsModule } from '@kepai/api-auctions';
import { BiddingModule } from '@kepai/api-bidding';
import { CatalogueModule } from '@kepai/api-catalogue';
import { DealConfirmationModule, DealsModule } from '@kepai/api-deals';
import { IdentityModule } from '@kepai/api-identity';
import { NotificationsModule } from '@kepai/api-notifications';
import { StatsModule } from '@kepai/api-stats';
import { DemoSeedService } from './demo-seed.service';
import { ENTITIES, MIGRATIONS } from './schema';

/** Paths that never fall back to the web app's index.html. */
export const NON_SPA_PATHS = ['/api/{*path}', '/socket.io/{*path}'];

@Module({})
export class AppModule {
  static forRoot(
    config: KepaiConfig,
    target: DatabaseTarget,
    options: { prettyLogs: boolean; redisOpened?: (client: Redis) => void },
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        KepaiConfigModule.forRoot(config),
        LoggerModule.forRoot(pinoParams(config.logLevel, options.prettyLogs)),
        DatabaseModule.forRoot({ target, entities: ENTITIES, migrations: MIGRATIONS }),
        RedisModule.forRoot(config.redisUrl, options.redisOpened),
        HealthModule,
        RealtimeModule,
        IdentityModule,
        CatalogueModule,
        AuctionsModule,
        BiddingModule,
        DealsModule,
        DealConfirmationModule,
        StatsModule,
        NotificationsModule,
        ...(config.webDist !== null
          ? [
              ServeStaticModule.forRoot({
                rootPath: config.webDist,
                exclude: NON_SPA_PATHS,
                serveStaticOptions: { index: 'index.html', maxAge: '1h' },
              }),
            ]
          : []),
      ],
      providers: [Clock, DemoSeedService],
    };
  }
}
