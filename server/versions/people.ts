import type { VersionPerson } from '../../shared/versions';

type Awaitable<T> = T | Promise<T>;

/** Names for user ids, as a version list or a diff shows them. */
export interface People {
  lookup(ids: Iterable<string>): Promise<Map<string, VersionPerson>>;
}

/** Looks each distinct id up once; ids of accounts that no longer exist are left out. */
export function peopleFrom(findUser: (id: string) => Awaitable<VersionPerson | undefined>): People {
  return {
    async lookup(ids) {
      const out = new Map<string, VersionPerson>();
      for (const id of new Set(ids)) {
        const user = await findUser(id);
        if (user) out.set(id, { id: user.id, name: user.name, organization: user.organization });
      }
      return out;
    },
  };
}
