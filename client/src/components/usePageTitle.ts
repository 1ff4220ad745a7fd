import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n';

/** The tab's title names the page, so screen readers announce where a navigation landed. */
export function usePageTitle(title: string | null): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = title ? `${title} — ${t('app.name')}` : t('app.name');
  }, [title, t]);
}
