import './templates.css';
import { useId, useState } from 'react';
import type { DocumentKind } from '../../../shared/api';
import type { TemplateSummary } from '../../../shared/templates';
import { ErrorAlert } from '../components/ErrorAlert';
import type { MessageKey } from '../i18n/nl';
import { useI18n } from '../i18n/i18n';
import { templatesApi } from './templates-api';

interface Props {
  kind: DocumentKind;
  templates: TemplateSummary[];
  canDelete: boolean;
  onDeleted(): void;
}

/** The template choice of a create form (`name="templateId"`), and owners' delete buttons for saved ones. */
export function TemplatePicker({ kind, templates, canDelete, onDeleted }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [error, setError] = useState<unknown>(null);
  const mine = templates.filter((tp) => tp.kind === kind);
  if (mine.length === 0) return null;
  const builtin = mine.filter((tp) => tp.builtin);
  const saved = mine.filter((tp) => !tp.builtin);
  const label = (tp: TemplateSummary) => (tp.builtin ? t(`templates.${tp.id}` as MessageKey) : (tp.name ?? ''));
  const remove = async (tp: TemplateSummary) => {
    setError(null);
    try {
      await templatesApi.remove(tp.id);
      onDeleted();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>{t('templates.pick')}</label>
      <select id={id} name="templateId" defaultValue="" data-testid={`template-${kind}`}>
        <option value="">{t('templates.blank')}</option>
        {builtin.length > 0 && (
          <optgroup label={t('templates.builtin')}>
            {builtin.map((tp) => <option key={tp.id} value={tp.id}>{label(tp)}</option>)}
          </optgroup>
        )}
        {saved.length > 0 && (
          <optgroup label={t('templates.saved')}>
            {saved.map((tp) => <option key={tp.id} value={tp.id}>{label(tp)}</option>)}
          </optgroup>
        )}
      </select>
      {canDelete && saved.length > 0 && (
        <ul className="template-list small">
          {saved.map((tp) => (
            <li key={tp.id}>
              <button type="button" className="button button--quiet button--small" onClick={() => void remove(tp)}>
                {t('templates.delete', { name: label(tp) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={error} onDismiss={() => setError(null)} />
    </div>
  );
}
