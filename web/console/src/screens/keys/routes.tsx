import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import { PageHeader } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';

/** The Keys screens, under /admin/keys. */
export function KeysRoutes({ user }: { user: CurrentUser }) {
  void user;
  return (
    <Routes>
      <Route index element={<PageHeader title="Keys" />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
