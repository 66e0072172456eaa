import { PlaceholderPage, pages } from '@portcullis/web-shared';

const TITLES: Record<string, string> = {
  [pages.portalHome()]: 'Developer portal',
  [pages.signIn()]: 'Sign in',
  [pages.register()]: 'Create an account',
  [pages.forgotPassword()]: 'Forgot your password?',
  '/auth/password/reset': 'Choose a new password',
  [pages.consumerDashboard()]: 'My dashboard',
};

function titleFor(path: string): string | undefined {
  if (/^\/portal\/apps\/\d+$/.test(path)) return 'My app';
  return TITLES[path];
}

/** The Live Portal's pages come with their own issue; until then each known page says what it will be. */
export function App() {
  const title = titleFor(window.location.pathname);
  return (
    <PlaceholderPage face="Developer portal" title={title ?? 'Page not found'}>
      {title === undefined ? (
        <p>There is no page at this address.</p>
      ) : (
        <p>This page is being built. The portal's API is described in the API reference.</p>
      )}
      <ul>
        <li>
          <a href={pages.portalHome()}>Home</a>
        </li>
        <li>
          <a href="/api/docs">API reference</a>
        </li>
      </ul>
    </PlaceholderPage>
  );
}
