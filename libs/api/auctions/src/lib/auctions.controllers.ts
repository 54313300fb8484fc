import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor, Meta, Public, type Actor, type RequestMeta } from '@kepai/api-core';
import type {
  LotListItem,
  LotSummary,
  MyBidView,
  MyRegistrationView,
  RegistrationView,
  SessionView,
} from '@kepai/contracts';
import {
  ConfirmDepositDto,
  CreateLotDto,
  CreateSessionDto,
  LotListQueryDto,
  MyBidsQueryDto,
} from './dto/auctions.dto';
import { MyBidsService } from './my-bids.service';
import { RegistrationsService } from './registrations.service';
import { SessionsService } from './sessions.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly registrations: RegistrationsService,
  ) {}

  @Post()
  @Allow({ types: ['brokerage'], verified: true })
  @ApiOperation({ summary: 'Host an auction session (verified brokers)' })
  create(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Body() body: CreateSessionDto,
  ): Promise<SessionView> {
    return this.sessions.create(actor, meta, body);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Auction sessions with their lots (anyone)' })
  list(): Promise<SessionView[]> {
    return this.sessions.list();
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One session with its lots (anyone)' })
  get(@Param('id', uuid) id: string): Promise<SessionView> {
    return this.sessions.get(id);
  }

  @Post(':id/lots')
  @Allow({ types: ['brokerage'], verified: true })
  @ApiOperation({ summary: 'Offer a published result as a lot (the host broker)' })
  addLot(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
    @Body() body: CreateLotDto,
  ): Promise<LotSummary> {
    return this.sessions.addLot(actor, meta, id, body);
  }

  @Post(':id/registrations')
  @Allow({ types: ['enterprise'], verified: true })
  @ApiOperation({ summary: 'Register to bid in a session (verified enterprises)' })
  register(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
  ): Promise<RegistrationView> {
    return this.registrations.register(actor, meta, id);
  }

  @Get(':id/registrations')
  @Allow({ types: ['brokerage', 'enterprise'] })
  @ApiOperation({
    summary: "A session's registrations (the host broker; an enterprise sees its own)",
  })
  registrationsOf(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
  ): Promise<RegistrationView[]> {
    return this.registrations.list(actor, id);
  }
}

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('registrations')
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Post(':id/confirm-deposit')
  @HttpCode(HttpStatus.OK)
  @Allow({ types: ['brokerage'], verified: true })
  @ApiOperation({
    summary: 'Record the deposit as received and give a paddle number (the host broker)',
  })
  confirm(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
    @Body() body: ConfirmDepositDto,
  ): Promise<RegistrationView> {
    return this.registrations.confirmDeposit(actor, meta, id, body);
  }
}

/**
 * `GET /lots`: the lots across sessions. `GET /lots/:id` and its bids belong to the bidding
 * library's LotsController (the live snapshot comes from the bid store); this controller only
 * answers the collection path, so the two never meet.
 */
@ApiTags('lots')
@Controller('lots')
export class LotListController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Lots with their sessions, filtered by result, institute, session, host or status (anyone)',
  })
  list(@Query() query: LotListQueryDto): Promise<LotListItem[]> {
    return this.sessions.lots(query);
  }
}

/** The enterprise console: the caller's organisation's registrations and bids. */
@ApiTags('sessions')
@ApiBearerAuth()
@Controller('me')
export class MyAuctionsController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly myBids: MyBidsService,
  ) {}

  @Get('registrations')
  @Allow({ types: ['enterprise'] })
  @ApiOperation({
    summary: "The organisation's registrations across sessions, newest first (enterprises)",
  })
  mine(@CurrentActor() actor: Actor): Promise<MyRegistrationView[]> {
    return this.registrations.mine(actor);
  }

  @Get('bids')
  @Allow({ types: ['enterprise'] })
  @ApiOperation({
    summary: "The organisation's accepted bids, newest first, with their lots now (enterprises)",
  })
  bids(@CurrentActor() actor: Actor, @Query() query: MyBidsQueryDto): Promise<MyBidView[]> {
    return this.myBids.mine(actor, query.limit ?? 100);
  }
}
