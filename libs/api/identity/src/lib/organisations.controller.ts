import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor, Meta, Public, type Actor, type RequestMeta } from '@kepai/api-core';
import type {
  InvitationCreated,
  InvitationView,
  LoginResponse,
  MemberView,
  OrganisationDetail,
  OrganisationView,
} from '@kepai/contracts';
import type { Request, Response } from 'express';
import {
  AcceptInvitationDto,
  InvitationDto,
  MemberRoleDto,
  OrganisationListQueryDto,
} from './dto/identity.dto';
import { OrganisationService } from './organisation.service';
import { signedInAnswer } from './session-cookies';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationService) {}

  @Get(':id')
  @ApiOperation({
    summary: 'An organisation: the public view, or the detail for its members and admins',
  })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
  ): Promise<OrganisationView | OrganisationDetail> {
    return this.organisations.get(actor, id);
  }

  @Get(':id/members')
  @ApiOperation({ summary: "The organisation's users (its own members and admins only)" })
  members(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<MemberView[]> {
    return this.organisations.members(actor, id);
  }

  @Patch(':id/members/:userId')
  @Allow({ roles: ['owner'] })
  @ApiOperation({ summary: "Set a member's role (owners); the last owner stays owner" })
  setRole(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
    @Param('userId', uuid) userId: string,
    @Body() body: MemberRoleDto,
  ): Promise<MemberView> {
    return this.organisations.setRole(actor, meta, id, userId, body.role);
  }

  @Post(':id/invitations')
  @Allow({ roles: ['owner'] })
  @ApiOperation({
    summary: 'Invite a colleague (owners); the answer carries the link, shown once, valid 7 days',
  })
  invite(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
    @Body() body: InvitationDto,
  ): Promise<InvitationCreated> {
    return this.organisations.invite(actor, meta, id, body);
  }

  @Get(':id/invitations')
  @Allow({ roles: ['owner'] })
  @ApiOperation({ summary: "The organisation's invitations (owners)" })
  invitations(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
  ): Promise<InvitationView[]> {
    return this.organisations.invitations(actor, id);
  }
}

@ApiTags('organisations')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly organisations: OrganisationService) {}

  @Post('accept')
  @Public()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Accept an invitation: creates the account and signs in' })
  async accept(
    @Meta() meta: RequestMeta,
    @Body() body: AcceptInvitationDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse> {
    const signedIn = await this.organisations.accept(meta, body, request.get('user-agent') ?? null);
    return signedInAnswer(request, response, signedIn);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/organisations')
export class AdminOrganisationsController {
  constructor(private readonly organisations: OrganisationService) {}

  @Get()
  @Allow({ admin: true })
  @ApiOperation({
    summary: 'Organisations by verification status; pending (awaiting 实名认证) by default',
  })
  list(@Query() query: OrganisationListQueryDto): Promise<OrganisationDetail[]> {
    return this.organisations.list(query.status ?? 'pending');
  }

  @Post(':id/verify')
  @Allow({ admin: true })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Verify an organisation (实名认证): it may then list, host and bid' })
  verify(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Param('id', uuid) id: string,
  ): Promise<OrganisationDetail> {
    return this.organisations.verify(actor, meta, id);
  }
}
