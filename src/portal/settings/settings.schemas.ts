import { Type, type Static } from 'typebox';
import { Id } from '../../http/ids.js';
import { named } from '../../http/openapi.js';

const Email = Type.Union([Type.Literal(''), Type.String({ format: 'email', maxLength: 254 })]);

export const RegistrationRule = named('RegistrationRule', Type.Object(
  {
    Domain: Type.String({ minLength: 3, maxLength: 253, pattern: '^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$', description: 'Email domain, e.g. acme.com' }),
    OrganisationID: Id(),
    TeamID: Id(),
    AutoApprove: Type.Boolean(),
  },
  { additionalProperties: false },
));
export type RegistrationRule = Static<typeof RegistrationRule>;

const Fields = {
  SelfRegistration: Type.Boolean({ description: 'Whether API consumers may register themselves (default true); invitations work either way' }),
  AutoApproveConsumers: Type.Boolean({ description: 'Auto-approve API consumers registering to the portal' }),
  AdminNotificationEmail: Email,
  SenderEmail: Email,
  SMTPHost: Type.String({ maxLength: 253 }),
  SMTPPort: Type.Integer({ minimum: 1, maximum: 65535 }),
  SMTPUsername: Type.String({ maxLength: 254 }),
  RegistrationRules: Type.Array(RegistrationRule, { maxItems: 1000 }),
};

export const SettingsView = named('PortalSettings', Type.Object({
  ...Fields,
  SMTPPasswordSet: Type.Boolean({ description: 'The password is write-only: this says whether one is stored' }),
  UpdatedAt: Type.String(),
}));
export type SettingsView = Static<typeof SettingsView>;

/** Fields present are changed; `SMTPPassword` is write-only ("" clears it). */
export const SettingsUpdate = Type.Partial(
  Type.Object({ ...Fields, SMTPPassword: Type.String({ maxLength: 1024 }), SMTPPasswordSet: Type.Boolean(), UpdatedAt: Type.String() }),
  { additionalProperties: false },
);
export type SettingsUpdate = Static<typeof SettingsUpdate>;

export const TestEmailRequest = named('PortalTestEmailRequest', Type.Object({ to: Type.String({ format: 'email', maxLength: 254, description: 'Where the test email goes' }) }, { additionalProperties: false }));
export type TestEmailRequest = Static<typeof TestEmailRequest>;
export const TestEmailResult = named('PortalTestEmailResult', Type.Object({ Status: Type.Literal('OK'), Message: Type.String() }));
