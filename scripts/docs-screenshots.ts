/**
 * Copies the screenshots the README shows from the browser tests' output
 * (test-results/screenshots, written by `npm test`) to docs/screenshots.
 * Run it after the browser tests when a screen changed: npm run docs:screenshots
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FROM = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));
const TO = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

/** The screens the README shows, in its order. */
const SHOWN = [
  'console-setup-desktop',
  'console-home-desktop',
  'console-apis-list-desktop',
  'console-api-classic-desktop',
  'console-api-oas-error-desktop',
  'console-api-access-desktop',
  'console-users-list-desktop',
  'console-user-edit-desktop',
  'console-successor-prompt-desktop',
  'console-policy-edit-desktop',
  'console-key-detail-desktop',
  'console-analytics-owned-desktop',
  'console-audit-log-desktop',
  'console-account-desktop',
  'console-api-classic-phone',
  'console-admin-portal-overview-desktop',
  'console-portal-consumers-desktop',
  'console-portal-product-desktop',
  'console-portal-plan-edit-desktop',
  'console-portal-catalogue-edit-desktop',
  'console-portal-access-request-credential-desktop',
  'console-portal-content-preview-desktop',
  'portal-appearance-desktop',
  'portal-home-desktop',
  'portal-product-desktop',
  'portal-api-reference-desktop',
  'portal-app-key-revealed-phone',
  'portal-app-usage-desktop',
  'portal-appearance-home-desktop',
] as const;

mkdirSync(TO, { recursive: true });
const missing = SHOWN.filter((name) => !existsSync(`${FROM}${name}.png`));
if (missing.length > 0) {
  console.error(`Not in test-results/screenshots (run the browser tests first): ${missing.join(', ')}`);
  process.exit(1);
}
for (const name of SHOWN) copyFileSync(`${FROM}${name}.png`, `${TO}${name}.png`);
console.log(`Copied ${SHOWN.length} screenshots to docs/screenshots/`);
