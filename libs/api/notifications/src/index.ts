export * from './lib/notifications.module';
export * from './lib/notifications.service';
export * from './lib/notification.entities';
export * from './lib/notification-text';
export * from './lib/email-sender.service';
export * from './lib/notification-retention.service';
export * from './lib/mailer';

import { EmailOutboxEntity, NotificationEntity } from './lib/notification.entities';

/** The notification centre's tables, for the app's data source. */
export const NOTIFICATION_ENTITIES = [NotificationEntity, EmailOutboxEntity];
