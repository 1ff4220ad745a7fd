import { lazy, Suspense, type ReactNode } from 'react';
import { Link, Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { Layout } from './components/Layout';
import { NotificationBell } from './notifications/NotificationBell';
import { useI18n } from './i18n/i18n';
import { AuthPage, safeNext } from './pages/AuthPage';
import { InvitePage } from './pages/InvitePage';
import { WorkspacePage } from './pages/workspace/WorkspacePage';
import { WorkspacesPage } from './pages/WorkspacesPage';
import { useSession } from './session/session';
import { PeoplePage } from './people/PeoplePage';
import { SearchButton } from './search/SearchButton';

// The editor (TipTap, Yjs) is most of the code: load it only when a document opens.
const DocumentPage = lazy(() => import('./documents/DocumentPage').then((m) => ({ default: m.DocumentPage })));

/** Pages that need a session send a signed-out visitor to sign in, and back afterwards. */
function SignedIn({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const [location] = useLocation();
  const search = useSearch();
  if (state.status === 'loading') return null;
  if (state.status === 'signedOut') {
    const next = location + (search ? `?${search}` : '');
    // An invitee most likely has no account yet: offer sign-up first.
    const page = location.startsWith('/invite/') ? '/signup' : '/signin';
    return <Redirect to={`${page}?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

/** Sign-in pages are for visitors; a signed-in person goes on to where they were headed. */
function SignedOut({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const search = useSearch();
  if (state.status === 'loading') return null;
  if (state.status === 'signedIn') return <Redirect to={safeNext(search)} replace />;
  return <>{children}</>;
}

function Loading() {
  const { t } = useI18n();
  return <p className="page muted">{t('app.loading')}</p>;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <div className="page">
      <h1>{t('app.notFound')}</h1>
      <Link href="/">{t('app.backHome')}</Link>
    </div>
  );
}

const bell = (userId: string) => <NotificationBell userId={userId} />;

function Tools() {
  const { t } = useI18n();
  return (
    <>
      <Link href="/people" className="button button--quiet button--small">
        {t('people.nav')}
      </Link>
      <SearchButton />
    </>
  );
}
const tools = () => <Tools />;

export function App() {
  return (
    <Layout tools={tools} notifications={bell}>
      <Switch>
        <Route path="/signin">
          <SignedOut>
            <AuthPage mode="signIn" />
          </SignedOut>
        </Route>
        <Route path="/signup">
          <SignedOut>
            <AuthPage mode="signUp" />
          </SignedOut>
        </Route>
        <Route path="/">
          <SignedIn>
            <WorkspacesPage />
          </SignedIn>
        </Route>
        <Route path="/people">
          <SignedIn>
            <PeoplePage />
          </SignedIn>
        </Route>
        <Route path="/w/:wid">
          {(params) => (
            <SignedIn>
              <WorkspacePage key={params.wid} workspaceId={params.wid} />
            </SignedIn>
          )}
        </Route>
        <Route path="/d/:did">
          {(params) => (
            <SignedIn>
              <Suspense fallback={<Loading />}>
                <DocumentPage key={params.did} documentId={params.did} />
              </Suspense>
            </SignedIn>
          )}
        </Route>
        <Route path="/invite/:token">
          {(params) => (
            <SignedIn>
              <InvitePage token={params.token} />
            </SignedIn>
          )}
        </Route>
        <Route>
          <NotFound />
        </Route>
      </Switch>
    </Layout>
  );
}
