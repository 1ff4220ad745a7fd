import type { Plural } from '../../../shared/plural';

export type { Plural };

/** One dictionary entry: a plain string, or the forms of a phrase with a `{count}`. */
export type Entry = string | Plural;

/**
 * The English twin of a Dutch dictionary: exactly the same keys, a string where Dutch has
 * a string and both plural forms where Dutch has plural forms — so a missing English form
 * is a type error, not a "1 votes" on screen.
 */
export type Twin<Dutch> = { [K in keyof Dutch]: Dutch[K] extends string ? string : Plural };

/** The keys of a dictionary whose entries are plural forms (they need a `count`). */
export type PluralKeyOf<Dictionary> = { [K in keyof Dictionary]: Dictionary[K] extends string ? never : K }[keyof Dictionary];
