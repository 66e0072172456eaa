import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';
import { CatalogueCreatePage, CataloguePage } from './catalogue-form.js';
import { CataloguesListPage } from './catalogues-list.js';

/** Catalogues, under /admin/portal/catalogues. */
export function PortalCataloguesRoutes({ user }: { user: CurrentUser }) {
  return (
    <Routes>
      <Route index element={<CataloguesListPage user={user} />} />
      <Route path="new" element={<CatalogueCreatePage user={user} />} />
      <Route path=":id" element={<CataloguePage user={user} />} />
      <Route path="*" element={<NotFoundPage backTo="/portal/catalogues" backLabel="Back to catalogues" />} />
    </Routes>
  );
}
