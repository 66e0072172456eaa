import { PlaceholderPage, pages } from '@portcullis/web-shared';

/** The console's screens come with their own issues; until then every console path shows where things are. */
export function App() {
  const path = window.location.pathname;
  const home = path === pages.consoleHome() || path === '/admin';
  return (
    <PlaceholderPage face="Portcullis console" title={home ? 'Welcome to Portcullis' : 'This screen is not built yet'}>
      <p>
        The console's screens (APIs and their owners, users, groups, policies, keys, analytics, audit log and the
        Admin Portal) are being built. Everything they will do can already be done through the HTTP API.
      </p>
      <ul>
        <li>
          <a href="/api/docs">Read the API reference</a>
        </li>
        <li>
          <a href={pages.signIn()}>Sign in</a>
        </li>
        <li>
          <a href={pages.portalHome()}>Open the developer portal</a>
        </li>
      </ul>
    </PlaceholderPage>
  );
}
