import './documents.css';
import type { DocumentKind } from '../../../shared/api';
import type { MessageKey } from '../i18n/nl';
import { useI18n } from '../i18n/i18n';
import { exportUrl } from './upload-api';

/**
 * `docx-comments`: Word with the open comment threads as Word comments (`?comments=open`);
 * `docx-suggestions`: Word with the pending suggestions as tracked changes (`?suggestions=pending`).
 */
const FORMATS: Record<DocumentKind, string[]> = {
  recommendation: ['docx', 'docx-comments', 'docx-suggestions', 'pdf', 'markdown', 'html'],
  note: ['docx', 'docx-comments', 'docx-suggestions', 'pdf', 'markdown', 'html'],
  board: ['docx', 'pdf', 'markdown', 'json'],
};

const WORD_EXTRAS: Record<string, string> = { 'docx-comments': '&comments=open', 'docx-suggestions': '&suggestions=pending' };

function hrefOf(documentId: string, format: string): string {
  const extra = WORD_EXTRAS[format];
  return extra ? `${exportUrl(documentId, 'docx')}${extra}` : exportUrl(documentId, format);
}

/**
 * "Downloaden": plain links (the session cookie authorises them; the server answers with
 * an attachment named after the title), inside a native disclosure, so keyboard, screen
 * readers and phones need nothing extra.
 */
export function DownloadLinks({ formats, href, testId }: { formats: string[]; href: (format: string) => string; testId: string }) {
  const { t } = useI18n();
  return (
    <details className="download-menu" data-testid={testId}>
      <summary className="button button--quiet">{t('download.menu')}</summary>
      <ul>
        {formats.map((format) => (
          <li key={format}>
            <a
              href={href(format)}
              download
              data-format={format}
              // The download starts; the menu closes so it does not cover the text.
              onClick={(e) => e.currentTarget.closest('details')?.removeAttribute('open')}
            >
              {t(`download.${format}` as MessageKey)}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The present document's downloads. */
export function DownloadMenu({ documentId, kind }: { documentId: string; kind: DocumentKind }) {
  return <DownloadLinks formats={FORMATS[kind]} href={(format) => hrefOf(documentId, format)} testId="download-menu" />;
}
