import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins per email (hashed, so unknown emails are throttled exactly like real ones and
 * the table names nobody). In the database so the delay holds across api nodes.
 */
@Entity({ name: 'login_throttle' })
export class LoginThrottleEntity {
  @PrimaryColumn({ name: 'email_hash', type: 'char', length: 64 })
  emailHash: string;

  @Column({ type: 'integer' })
  failures: number;

  @Column({ name: 'last_failure_at', type: 'timestamptz' })
  lastFailureAt: Date;
}
