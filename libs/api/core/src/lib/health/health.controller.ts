import {
  Controller,
  Get,
  HttpStatus,
  Inject,
  Res,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';
import type { HealthComponent, HealthReport } from '@kepai/contracts';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { Public } from '../auth/access.decorators';
import { Clock } from '../clock/clock';
import { DATABASE_TARGET, type DatabaseTarget } from '../database/database.module';
import { REDIS } from '../redis/redis.module';

export const KEPAI_VERSION = process.env['npm_package_version'] ?? '0.1.0';

function component(result: HealthCheckResult, key: string, detail: string): HealthComponent {
  const entry = result.details[key] as { status?: string } | undefined;
  return { status: entry?.status === 'up' ? 'up' : 'down', detail };
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly clock: Clock,
    @Inject(DATABASE_TARGET) private readonly target: DatabaseTarget,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and readiness: the database and Redis' })
  @ApiOkResponse({ description: 'Every configured component answers' })
  @ApiServiceUnavailableResponse({
    description: 'A configured component does not answer; the body says which',
  })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const redis = this.redis;
    const checks = [() => this.database.pingCheck('database').withTimeout(1_500)];
    if (redis !== null) {
      checks.push(
        () =>
          this.indicators
            .check('redis')
            .attempt(async () => {
              await redis.ping();
            })
            .withTimeout(1_500) as never,
      );
    }
    let result: HealthCheckResult;
    try {
      result = await this.health.check(checks);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      result = error.getResponse() as HealthCheckResult;
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
    }
    return {
      status: result.status === 'ok' ? 'ok' : 'error',
      version: KEPAI_VERSION,
      serverTime: this.clock.now().toISOString(),
      database: component(
        result,
        'database',
        this.target.kind === 'pglite' ? 'embedded pglite' : 'postgresql',
      ),
      redis:
        redis === null
          ? { status: 'disabled', detail: 'in-process' }
          : component(result, 'redis', 'redis'),
    };
  }
}
