import type { liveNl } from './live.nl';

/** Strings of the live feature, in English. */
export const liveEn: Record<keyof typeof liveNl, string> = {
};
