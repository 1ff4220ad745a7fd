import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';

/**
 * SQLite's default BEGIN is deferred: a transaction that reads and then writes fails at
 * once with SQLITE_BUSY when another instance sharing the file wrote in between. BEGIN
 * IMMEDIATE takes the write lock up front, so busy_timeout makes it wait instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly dialectConfig: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(dialectConfig);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.dialectConfig);
  }
}
