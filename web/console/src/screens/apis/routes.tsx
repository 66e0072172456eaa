import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { ApiEditPage } from './edit.js';
import { ApiListPage } from './list.js';
import { NewApiChoice, NewClassicApiPage, NewOasApiPage } from './new.js';

/** The APIs screens, under /admin/apis. */
export function ApisRoutes({ user }: { user: CurrentUser }) {
  if (!can(user, 'apis')) return <NotFoundPage />;
  const writable = can(user, 'apis', 'write');
  return (
    <Routes>
      <Route index element={<ApiListPage user={user} />} />
      {writable && <Route path="new" element={<NewApiChoice />} />}
      {writable && <Route path="new/classic" element={<NewClassicApiPage user={user} />} />}
      {writable && <Route path="new/oas" element={<NewOasApiPage />} />}
      <Route path=":id" element={<ApiEditPage user={user} />} />
      <Route path="*" element={<NotFoundPage backTo="/apis" backLabel="Go to the APIs" />} />
    </Routes>
  );
}
