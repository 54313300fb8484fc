import { describe, expect, it } from '@jest/globals';
import { isTransientDatabaseError } from './database.module';

describe('isTransientDatabaseError', () => {
  it('waits out a database that is not up yet', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', '57P03', '53300'])
      expect([code, isTransientDatabaseError(Object.assign(new Error(code), { code }))]).toEqual([
        code,
        true,
      ]);
    expect(isTransientDatabaseError(new Error('timeout exceeded when trying to connect'))).toBe(
      true,
    );
  });

  it('gives up at once on what no wait changes: no such database, bad credentials, bad SQL', () => {
    for (const code of ['3D000', '28P01', '28000', '42601'])
      expect([code, isTransientDatabaseError(Object.assign(new Error(code), { code }))]).toEqual([
        code,
        false,
      ]);
    expect(isTransientDatabaseError(new Error('database "x" does not exist'))).toBe(false);
    expect(isTransientDatabaseError(null)).toBe(false);
  });
});
