import { Route, Routes } from 'react-router';
import { Layout } from './layout.js';
import { ForgotPasswordPage } from './screens/auth/forgot-password.js';
import { RegisterPage } from './screens/auth/register.js';
import { ResetPasswordPage } from './screens/auth/reset-password.js';
import { SignInPage } from './screens/auth/sign-in.js';
import { GuidePage } from './screens/catalogue/guide.js';
import { HomePage } from './screens/catalogue/home.js';
import { ProductPage } from './screens/catalogue/product.js';
import { NotFoundPage } from './screens/page-state.js';
import { DashboardToCome } from './screens/dashboard-to-come.js';
import { AppUsagePage } from './screens/account/app-usage.js';
import { OrganisationPage } from './screens/account/organisation.js';
import { ProfilePage } from './screens/account/profile.js';

/**
 * The Live Portal's pages, at the addresses of the map of pages (src/links.ts):
 * what visitors browse, and the sign-in, registration and password pages.
 */
export function App() {
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/portal/catalogue-products/:id" element={<ProductPage />} />
        <Route path="/portal/catalogue-products/:id/guides/:guideId" element={<GuidePage />} />
        <Route path="/auth/password/login" element={<SignInPage />} />
        <Route path="/auth/password/register" element={<RegisterPage />} />
        <Route path="/auth/password/new" element={<ForgotPasswordPage />} />
        <Route path="/auth/password/reset" element={<ResetPasswordPage />} />
        <Route path="/portal/dashboard" element={<DashboardToCome />} />
        <Route path="/portal/apps/:id" element={<DashboardToCome />} />
        <Route path="/portal/apps/:id/usage" element={<AppUsagePage />} />
        <Route path="/portal/profile" element={<ProfilePage />} />
        <Route path="/portal/organisation" element={<OrganisationPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
