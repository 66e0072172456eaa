import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';
import { ConsumerCreatePage, ConsumerPage } from './consumer-pages.js';
import { ConsumersListPage } from './consumers-list.js';

/** API Consumers > Users, under /admin/portal/consumers. */
export function PortalConsumersRoutes({ user }: { user: CurrentUser }) {
  return (
    <Routes>
      <Route index element={<ConsumersListPage user={user} />} />
      <Route path="new" element={<ConsumerCreatePage user={user} />} />
      <Route path=":id" element={<ConsumerPage user={user} />} />
      <Route path="*" element={<NotFoundPage backTo="/portal/consumers" backLabel="Back to API consumers" />} />
    </Routes>
  );
}
