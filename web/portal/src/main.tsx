import '@mantine/core/styles.css';
import '@portcullis/web-shared/markdown.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app.js';
import { appearanceQueryKey, linkStylesheet, loadAppearance, resolverOf, themeOf } from './appearance.js';
import { setSiteName } from './page-meta.js';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The appearance (Settings > Appearance) is read before the first page is drawn, so that
// no page shows in the default colours first; an administrator's change shows on the next load.
void loadAppearance().then((appearance) => {
  queryClient.setQueryData(appearanceQueryKey, appearance);
  setSiteName(appearance.Name);
  linkStylesheet(appearance);
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={themeOf(appearance)} cssVariablesResolver={resolverOf(appearance)}>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
});
