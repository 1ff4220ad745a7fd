/** Strings of the comments feature, in Dutch (Flemish usage); the English twin must have the same keys. */
export const commentsNl = {
};
