import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import { PageHeader } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';

/** The Policies screens, under /admin/policies. */
export function PoliciesRoutes({ user }: { user: CurrentUser }) {
  void user;
  return (
    <Routes>
      <Route index element={<PageHeader title="Policies" />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
