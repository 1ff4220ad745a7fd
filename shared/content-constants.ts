/**
 * The plain facts about document content that code without an editor needs (the image
 * routes, the Word import's limits): kept apart from editor-content.ts so that using them
 * does not load TipTap and ProseMirror into the server at start.
 */

/** Where uploaded images are served; the only `src` an image node is expected to have. */
export const IMAGE_URL_PREFIX = '/api/images/';

export const LINK_PROTOCOLS = ['http', 'https', 'mailto'];

/**
 * Content limits of CONTRACT §3 that the sync socket enforces on every update; an import
 * that would break them is refused before anything is created.
 */
export const CONTENT_LIMITS = { maxDepth: 64, maxItems: 100_000 } as const;
