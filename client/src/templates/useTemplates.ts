import type { TemplateSummary } from '../../../shared/templates';
import { useLoad } from '../components/useLoad';
import { templatesApi } from './templates-api';

/**
 * The templates a workspace offers. While they load, or if they cannot, the create forms
 * offer a blank document only: templates must never stand in the way of writing.
 */
export function useTemplates(workspaceId: string): [TemplateSummary[], () => void] {
  const [loaded, reload] = useLoad(() => templatesApi.list(workspaceId), [workspaceId]);
  return [loaded.status === 'ok' ? loaded.data.templates : [], reload];
}
