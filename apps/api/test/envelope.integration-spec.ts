import { Body, Controller, Get, Module, NotFoundException, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IsInt, IsString, Min } from 'class-validator';
import request from 'supertest';
import { AppException, loadConfig } from '@kepai/api-core';
import { configureHttp } from '../src/app/server';

class PlaceBidBody {
  @IsString()
  bidId: string;

  @IsInt()
  @Min(1)
  amount: number;
}

/** Routes that fail in each way the pipeline must turn into the one envelope. */
@Controller('probe')
class ProbeController {
  @Get('crash')
  crash(): never {
    throw new Error(
      'connect ECONNREFUSED postgres://kepai:s3cret@db/kepai at Pool.connect (/srv/pool.js:42)',
    );
  }

  @Get('refuse')
  refuse(): never {
    throw new AppException('LOT_CLOSED', 'The lot closed at 10:00:00');
  }

  @Get('missing')
  missing(): never {
    throw new NotFoundException('No such lot');
  }

  @Post('bids')
  bid(@Body() body: PlaceBidBody): { amount: number; type: string } {
    return { amount: body.amount, type: typeof body.amount };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('the HTTP pipeline of every Kepai server', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await NestFactory.create<NestExpressApplication>(ProbeModule, { logger: false });
    configureHttp(app, loadConfig({}));
    await app.init();
  });
  afterAll(() => app?.close());

  it('turns an unknown error into INTERNAL with no details or stack', async () => {
    const response = await request(app.getHttpServer()).get('/api/v1/probe/crash').expect(500);
    expect(response.body).toEqual({
      error: { code: 'INTERNAL', message: 'Internal server error' },
    });
    expect(response.text).not.toMatch(/s3cret|ECONNREFUSED|pool\.js|at /);
  });

  it('passes a domain refusal through with its code and status', async () => {
    const response = await request(app.getHttpServer()).get('/api/v1/probe/refuse').expect(409);
    expect(response.body).toEqual({
      error: { code: 'LOT_CLOSED', message: 'The lot closed at 10:00:00' },
    });
  });

  it('maps Nest HTTP exceptions to their code', async () => {
    const response = await request(app.getHttpServer()).get('/api/v1/probe/missing').expect(404);
    expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: 'No such lot' } });
  });

  it('validates and transforms bodies', async () => {
    const response = await request(app.getHttpServer())
      .post('/api/v1/probe/bids')
      .send({ bidId: 'b-1', amount: 150000 })
      .expect(201);
    expect(response.body).toEqual({ amount: 150000, type: 'number' });
  });

  it.each([
    [{ bidId: 'b-1', amount: 150000, verified: true }, /property verified should not exist/],
    [{ bidId: 'b-1', amount: 99.5 }, /amount must be an integer number/],
    [{ bidId: 'b-1', amount: 0 }, /amount must not be less than 1/],
    [{ amount: 100 }, /bidId must be a string/],
  ])('refuses %p with INVALID_INPUT naming the field', async (body, message) => {
    const response = await request(app.getHttpServer())
      .post('/api/v1/probe/bids')
      .send(body)
      .expect(400);
    expect(response.body.error.code).toBe('INVALID_INPUT');
    expect(response.body.error.message).toMatch(message);
  });
});
