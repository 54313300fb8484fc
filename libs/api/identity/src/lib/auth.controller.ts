import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Meta, Public, type Actor, type RequestMeta } from '@kepai/api-core';
import type { LoginResponse } from '@kepai/contracts';
import type { Request, Response } from 'express';
import { LoginDto, RegisterDto } from './dto/identity.dto';
import { IdentityService } from './identity.service';
import { clearSessionCookies, signedInAnswer } from './session-cookies';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly identity: IdentityService) {}

  @Post('register')
  @Public()
  @ApiOperation({
    summary: 'Register an organisation (unverified) and its first user, its owner; signs in',
  })
  async register(
    @Meta() meta: RequestMeta,
    @Body() body: RegisterDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse> {
    return signedInAnswer(
      request,
      response,
      await this.identity.register(meta, body, request.get('user-agent') ?? null),
    );
  }

  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Sign in: answers { user, token } and sets the session and csrf cookies',
  })
  async login(
    @Meta() meta: RequestMeta,
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse> {
    return signedInAnswer(
      request,
      response,
      await this.identity.login(meta, body, request.get('user-agent') ?? null),
    );
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End this session' })
  async logout(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.identity.logout(actor, meta);
    clearSessionCookies(request, response);
  }
}
