import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';
import { OrganisationPage } from './organisation-page.js';
import { OrganisationsListPage } from './organisations-list.js';

/** API Consumers > Organisations and teams, under /admin/portal/organisations. */
export function PortalOrganisationsRoutes({ user }: { user: CurrentUser }) {
  return (
    <Routes>
      <Route index element={<OrganisationsListPage user={user} />} />
      <Route path=":id" element={<OrganisationPage user={user} />} />
      <Route path="*" element={<NotFoundPage backTo="/portal/organisations" backLabel="Back to organisations" />} />
    </Routes>
  );
}
