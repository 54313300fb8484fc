import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '@kepai/api-core';
import type { NotificationView, Page, UnreadCount } from '@kepai/contracts';
import { ListNotificationsQuery } from './dto/notifications.dto';
import { NotificationsService } from './notifications.service';

/** The caller's own notification centre: every signed-in user has one, and sees only theirs. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary: "The caller's notifications, newest first (`unread=true`: unread only), by cursor",
  })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListNotificationsQuery,
  ): Promise<Page<NotificationView>> {
    return this.notifications.list(actor, {
      unread: query.unread === 'true',
      ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
      limit: query.limit ?? 20,
    });
  }

  @Get('unread-count')
  @ApiOperation({ summary: "How many of the caller's notifications are unread" })
  unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCount> {
    return this.notifications.unreadCount(actor);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: "Marks all the caller's notifications read; answers the unread count" })
  markAllRead(@CurrentActor() actor: Actor): Promise<UnreadCount> {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: "Marks one of the caller's notifications read (404 for anyone else's)" })
  markRead(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
  ): Promise<NotificationView> {
    return this.notifications.markRead(actor, id);
  }
}
