import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { SearchDialog } from './SearchDialog';

/** The top bar's search entry; Ctrl+K (Cmd+K on a Mac) opens it from anywhere. */
export function SearchButton() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        className="button button--quiet button--small"
        title={t('search.openHint')}
        aria-keyshortcuts="Control+K Meta+K"
        onClick={() => setOpen(true)}
        data-testid="search-open"
      >
        {t('search.open')}
      </button>
      <SearchDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
