import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type DialectAdapter, type Driver } from 'kysely';

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

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/**
 * kysely's SQLite adapter runs migrations outside any transaction and takes no lock, so
 * two instances starting together on one file interleave: one rebuilding a table (0601)
 * while the other still creates that table's index (0002). SQLite's DDL is transactional;
 * saying so makes the migrator run under one BEGIN IMMEDIATE, which serialises instances
 * and has the second read the applied list only after the first committed.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
