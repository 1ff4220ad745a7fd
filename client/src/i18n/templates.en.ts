import type { Twin } from './dictionary';
import type { templatesNl } from './templates.nl';

export const templatesEn: Twin<typeof templatesNl> = {
  'templates.pick': 'Template',
  'templates.blank': 'Blank document',
  'templates.builtin': 'Standard templates',
  'templates.saved': 'Templates of this workspace',
  'templates.builtin:aanbevelingennota': 'Recommendations memo',
  'templates.builtin:verslag-stadskamer': 'City chamber report',
  'templates.builtin:netwerknotitie': 'Network note',
  'templates.builtin:atelierbord': 'Workshop board (three angles)',
  'templates.delete': 'Delete template "{name}"',
  'templates.save': 'Save as template…',
  'templates.saveTitle': 'Save "{title}" as a template',
  'templates.name': 'Template name',
  'templates.saveHint': 'Members of this workspace can start new documents from it. Later changes to this document do not reach the template.',
  'templates.saveConfirm': 'Save',
  'templates.saved.notice': 'Saved as template "{name}".',
  'templates.cancel': 'Cancel',
};
