import { Module } from '@nestjs/common';
import { Clock, KEPAI_CONFIG, type KepaiConfig } from '@kepai/api-core';
import { EmailSender } from './email-sender.service';
import { NotificationRetention } from './notification-retention.service';
import { LogMailer, MAILER, SmtpMailer, type Mailer } from './mailer';
import { NotificationsController } from './notifications.controller';
import { NotificationsGateway } from './notifications.gateway';
import { NotificationEvents, NotificationsService } from './notifications.service';

@Module({
  controllers: [NotificationsController],
  providers: [
    Clock,
    NotificationEvents,
    NotificationsService,
    NotificationsGateway,
    EmailSender,
    NotificationRetention,
    {
      // SMTP when configured; otherwise every email is a log line
      provide: MAILER,
      inject: [KEPAI_CONFIG],
      useFactory: (config: KepaiConfig): Mailer =>
        config.smtpUrl !== null ? new SmtpMailer(config.smtpUrl, config.mailFrom) : new LogMailer(),
    },
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
