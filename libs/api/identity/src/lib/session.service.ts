import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, type Actor, type RequestMeta } from '@kepai/api-core';
import type { OrganisationKind, UserRole } from '@kepai/contracts';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { SessionEntity } from './session.entity';
import { SESSION_TTL_MS, newToken, sha256 } from './tokens';

export interface IssuedSession {
  sessionId: string;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ResolvedSession {
  actor: Omit<Actor, 'via'>;
  csrfToken: string;
}

interface SessionRow {
  session_id: string;
  csrf_token: string;
  user_id: string;
  role: UserRole;
  organisation_id: string;
  organisation_type: OrganisationKind;
  verified: boolean;
}

@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async issue(
    manager: EntityManager,
    userId: string,
    meta: RequestMeta,
    userAgent: string | null,
  ): Promise<IssuedSession> {
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(this.clock.now().getTime() + SESSION_TTL_MS);
    const session = await manager.getRepository(SessionEntity).save(
      manager.getRepository(SessionEntity).create({
        tokenHash: sha256(token),
        csrfToken,
        userId,
        expiresAt,
        revokedAt: null,
        ip: meta.ip?.slice(0, 64) ?? null,
        userAgent: userAgent?.slice(0, 256) ?? null,
      }),
    );
    return { sessionId: session.id, token, csrfToken, expiresAt };
  }

  /** The live session of a token with its user and organisation as they are now, or null. */
  async resolve(token: string): Promise<ResolvedSession | null> {
    if (token.length < 20 || token.length > 100) return null;
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT s.id AS session_id, s.csrf_token, u.id AS user_id, u.role, o.id AS organisation_id,
              o.type AS organisation_type, o.verified
         FROM user_session s
         JOIN app_user u ON u.id = s.user_id
         JOIN organisation o ON o.id = u.organisation_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`,
      [sha256(token), this.clock.now()],
    );
    const row = rows[0];
    if (row === undefined) return null;
    return {
      csrfToken: row.csrf_token,
      actor: {
        userId: row.user_id,
        organisationId: row.organisation_id,
        organisationType: row.organisation_type,
        organisationVerified: row.verified,
        role: row.role,
        sessionId: row.session_id,
      },
    };
  }

  async revoke(manager: EntityManager, sessionId: string): Promise<void> {
    await manager
      .getRepository(SessionEntity)
      .update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /** Ends every session of the user but the one given; returns the ids of those it ended. */
  async revokeOthers(
    manager: EntityManager,
    userId: string,
    keepSessionId: string | null,
  ): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `WITH ended AS (
         UPDATE user_session SET revoked_at = $3
          WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)
         RETURNING id)
       SELECT id FROM ended`,
      [userId, keepSessionId, this.clock.now()],
    );
    return rows.map((row) => row.id);
  }
}
