/** Strings of the live feature, in Dutch (Flemish usage); the English twin must have the same keys. */
export const liveNl = {
};
