import type { boardsNl } from './boards.nl';

/** Strings of the boards feature, in English. */
export const boardsEn: Record<keyof typeof boardsNl, string> = {
};
