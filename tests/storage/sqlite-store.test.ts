import { afterAll } from 'vitest';
import fs from 'node:fs';
import { openDatabase } from '../../server/storage/db';
import { SqliteDocumentStore } from '../../server/storage/sqlite-store';
import { tempDataDir } from '../helpers/server';
import { documentStoreContract } from './document-store.contract';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

documentStoreContract('SQLite', {
  async open() {
    dirs.push(tempDataDir());
    return new SqliteDocumentStore(openDatabase(dirs.at(-1)!));
  },
  // Several instances on one host share the file: the second opens the same directory.
  async openSecond() {
    return new SqliteDocumentStore(openDatabase(dirs.at(-1)!));
  },
});
