import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { KeyCreatePage, KeyDetailPage, KeyEditPage } from './detail.js';
import { KeyListPage } from './list.js';

const NOT_FOUND = <NotFoundPage backTo="/keys" backLabel="Back to keys" />;

/** The Keys screens, under /admin/keys. */
export function KeysRoutes({ user }: { user: CurrentUser }) {
  if (!can(user, 'keys')) return <NotFoundPage />;
  const canWrite = can(user, 'keys', 'write');
  const canReadPolicies = can(user, 'policies');
  return (
    <Routes>
      <Route index element={<KeyListPage canWrite={canWrite} />} />
      {canWrite && <Route path="new" element={<KeyCreatePage canReadPolicies={canReadPolicies} />} />}
      <Route path=":keyId" element={<KeyDetailPage canWrite={canWrite} canReadPolicies={canReadPolicies} />} />
      {canWrite && <Route path=":keyId/edit" element={<KeyEditPage canReadPolicies={canReadPolicies} />} />}
      <Route path="*" element={NOT_FOUND} />
    </Routes>
  );
}
