import { describe, expect, it } from 'vitest';
import { describeDatabaseError, fromDatabase, isDatabaseUnavailable, loggableError } from './databaseErrors';

const target = { host: 'db.kommune.test', port: '5432', user: 'indgang', database: 'indgang' };
const pgError = (code: string, message: string) =>
  Object.assign(new Error(message), { code, severity: 'FATAL', routine: 'r' });

describe('database errors', () => {
  it('says in one line what is wrong at start', () => {
    expect(
      describeDatabaseError(
        Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
        target,
      ),
    ).toBe('nothing answers at db.kommune.test:5432 (connection refused): is PostgreSQL running there?');
    expect(
      describeDatabaseError(Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' }), target),
    ).toBe('the host name "db.kommune.test" cannot be resolved');
    expect(describeDatabaseError(pgError('28P01', 'password authentication failed'), target)).toBe(
      'authentication failed for user "indgang" at db.kommune.test:5432: wrong password',
    );
    expect(describeDatabaseError(pgError('3D000', 'database "indgang" does not exist'), target)).toBe(
      'database "indgang" does not exist at db.kommune.test:5432',
    );
    expect(describeDatabaseError(new Error('timeout exceeded when trying to connect'), target)).toBe(
      'db.kommune.test:5432 did not answer in time',
    );
  });

  it('tells a lost database from a wrong query', () => {
    expect(
      isDatabaseUnavailable(pgError('57P01', 'terminating connection due to administrator command')),
    ).toBe(true);
    expect(
      isDatabaseUnavailable({
        message: 'Failed query',
        query: 'SELECT 1',
        cause: new Error('Connection terminated unexpectedly'),
      }),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        fromDatabase(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
      ),
    ).toBe(true);
    // The identity provider or a file missing is not the database.
    expect(
      isDatabaseUnavailable(
        new Error('fetch failed', {
          cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
        }),
      ),
    ).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('no such file'), { code: 'ENOENT' }))).toBe(false);
    expect(isDatabaseUnavailable(pgError('23505', 'duplicate key value violates unique constraint'))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(new Error('x is not a function'))).toBe(false);
  });

  it('logs a failed query by statement name and code, never its parameters or message', () => {
    const cause = Object.assign(new Error('invalid input syntax for type date: "010190-1234"'), {
      code: '22007',
      severity: 'ERROR',
      routine: 'DateTimeParseError',
    });
    const wrapped = Object.assign(
      new Error('Failed query: SELECT * FROM persons WHERE cpr = $1\nparams: 010190-1234'),
      { query: 'SELECT * FROM persons WHERE cpr = $1', params: ['010190-1234'], cause },
    );
    const logged = JSON.stringify(loggableError(wrapped));
    expect(logged).not.toContain('010190');
    expect(logged).not.toContain('SELECT');
    expect(loggableError(wrapped)).toMatchObject({
      type: 'DatabaseError',
      code: '22007',
      statement: expect.stringMatching(/^indgang_[0-9a-f]{20}$/),
    });
  });
});
