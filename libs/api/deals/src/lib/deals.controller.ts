import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor, Meta, type Actor, type RequestMeta } from '@kepai/api-core';
import type { DealView } from '@kepai/contracts';
import { DealsService } from './deals.service';
import {
  CreateDealDto,
  DealNoteDto,
  DecisionDto,
  DeclineDealDto,
  EvidenceDto,
  OutcomeDto,
  PaymentDto,
} from './dto/deals.dto';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('deals')
@ApiBearerAuth()
@Controller('deals')
export class DealsController {
  constructor(private readonly deals: DealsService) {}

  @Get()
  @ApiOperation({
    summary:
      "The deals the caller may see, newest first (the buyer's, the seller's and the broker's members; admins)",
  })
  list(@CurrentActor() actor: Actor): Promise<DealView[]> {
    return this.deals.list(actor);
  }

  @Post()
  @Allow({ types: ['enterprise'], verified: true })
  @ApiOperation({
    summary:
      'A direct request: a result at its listed terms or at proposed ones (verified enterprises)',
  })
  request(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Body() body: CreateDealDto,
  ): Promise<DealView> {
    return this.deals.request(actor, meta, body);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One deal with its history, to its parties, its broker and admins (404 to others)',
  })
  get(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<DealView> {
    return this.deals.get(actor, id);
  }

  @Post(':id/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'The institute accepts a direct request' })
  accept(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
  ): Promise<DealView> {
    return this.deals.accept(actor, meta, id);
  }

  @Post(':id/decline')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'The institute declines a direct request, with an optional reason' })
  decline(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
    @Body() body: DeclineDealDto,
  ): Promise<DealView> {
    return this.deals.decline(actor, meta, id, body);
  }

  @Post(':id/notes')
  @ApiOperation({ summary: "A mediation note in the deal's history (parties and broker)" })
  note(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
    @Body() body: DealNoteDto,
  ): Promise<DealView> {
    return this.deals.note(actor, meta, id, body);
  }

  @Post(':id/start-use')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Use-first-pay-later: the licensee starts the use; the term runs' })
  startUse(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
  ): Promise<DealView> {
    return this.deals.startUse(actor, meta, id);
  }

  @Post(':id/evidence')
  @ApiOperation({ summary: 'Use-first-pay-later: the licensee gives evidence against a criterion' })
  evidence(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
    @Body() body: EvidenceDto,
  ): Promise<DealView> {
    return this.deals.evidence(actor, meta, id, body);
  }

  @Post(':id/outcome')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Use-first-pay-later: a party states the outcome, or disputes it (agree: false)',
  })
  outcome(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
    @Body() body: OutcomeDto,
  ): Promise<DealView> {
    return this.deals.outcome(actor, meta, id, body);
  }

  @Post(':id/decision')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "A dispute decided with reasons: the deal's broker, or an admin when it has none",
  })
  decision(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
    @Body() body: DecisionDto,
  ): Promise<DealView> {
    return this.deals.decision(actor, meta, id, body);
  }

  @Post(':id/payments')
  @ApiOperation({ summary: 'A payment received, recorded by the seller or an admin' })
  payment(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
    @Body() body: PaymentDto,
  ): Promise<DealView> {
    return this.deals.payment(actor, meta, id, body);
  }
}
