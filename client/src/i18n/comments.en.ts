import type { commentsNl } from './comments.nl';

/** Strings of the comments feature, in English. */
export const commentsEn: Record<keyof typeof commentsNl, string> = {
};
