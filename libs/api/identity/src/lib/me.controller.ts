import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Meta, type Actor, type RequestMeta } from '@kepai/api-core';
import type { UserView } from '@kepai/contracts';
import { ChangePasswordDto } from './dto/identity.dto';
import { IdentityService } from './identity.service';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly identity: IdentityService) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user, their organisation and role' })
  me(@CurrentActor() actor: Actor): Promise<UserView> {
    return this.identity.me(actor);
  }

  @Post('password')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Change the password; every other session of the user ends' })
  changePassword(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Body() body: ChangePasswordDto,
  ): Promise<{ revokedSessions: number }> {
    return this.identity.changePassword(actor, meta, body);
  }
}
