import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { useI18n } from '../i18n/i18n';
import type { JoinSession } from '../../../shared/join';

/** The code in large letters and a QR code for `/join/CODE`, as the projector shows it. */
export function JoinCode({ session, large = false }: { session: JoinSession; large?: boolean }) {
  const { t } = useI18n();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    QRCode.toDataURL(session.url, { margin: 1, width: large ? 300 : 128, errorCorrectionLevel: 'M' }).then((url) => !cancelled && setQr(url), () => undefined);
    return () => {
      cancelled = true;
    };
  }, [session.url, large]);
  const host = session.url.replace(/^https?:\/\//, '').replace(/\/join\/.*$/, '');
  return (
    <div className={`join-code${large ? ' join-code--large' : ''}`} data-testid="join-code">
      {qr && <img className="join-code__qr" src={qr} alt={t('session.qrAlt', { url: session.url })} width={large ? 300 : 128} height={large ? 300 : 128} />}
      <div>
        <p className="join-code__how">{t('session.how', { host })}</p>
        <p className="join-code__code" data-testid="join-code-value">
          {session.code}
        </p>
        <p className="join-code__url small">{session.url}</p>
      </div>
    </div>
  );
}
