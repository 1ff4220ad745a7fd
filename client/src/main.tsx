import './zod-config';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { I18nProvider } from './i18n/i18n';
import { SessionProvider } from './session/session';
import { UpdatePrompt } from './offline/UpdatePrompt';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/editor.css';

// No StrictMode: its double-run effects would open every document's socket twice.
createRoot(document.getElementById('root')!).render(
  <I18nProvider>
    <SessionProvider>
      <App />
    </SessionProvider>
    <UpdatePrompt />
  </I18nProvider>,
);
