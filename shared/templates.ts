/** Templates for "Nieuw document" (issue 17): built-in ones and those saved in a workspace. */
import { z } from 'zod';
import { CreateDocumentBody, type DocumentKind } from './api';

/** Built-in templates are addressed as `builtin:<slug>`; saved ones by their own id. */
export const BUILTIN_PREFIX = 'builtin:';
export const BUILTIN_TEMPLATE_IDS = [
  'builtin:aanbevelingennota',
  'builtin:verslag-stadskamer',
  'builtin:netwerknotitie',
  'builtin:atelierbord',
] as const;
export type BuiltinTemplateId = (typeof BUILTIN_TEMPLATE_IDS)[number];

/** Saved templates per workspace: each holds a copy of a document, so their number is bounded. */
export const MAX_TEMPLATES_PER_WORKSPACE = 50;

export const TemplateId = z.string().min(1).max(64);

export const SaveTemplateBody = z.object({ name: CreateDocumentBody.shape.title });
export type SaveTemplateBody = z.input<typeof SaveTemplateBody>;

export interface TemplateSummary {
  id: string;
  kind: DocumentKind;
  /** Built-ins carry no name: the client shows a translated one for their id. */
  name: string | null;
  builtin: boolean;
  createdAt: string | null;
}
