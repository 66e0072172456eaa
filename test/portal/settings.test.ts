import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/fixtures.js';

describe('portal settings (/portal-api/settings/general)', () => {
  let t: TestApp;
  let root: string;
  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (key = root) => t.request('GET', '/portal-api/settings/general', { key });
  const put = (body: unknown, key = root) => t.request('PUT', '/portal-api/settings/general', { key, body });

  it('starts with safe defaults', async () => {
    const res = await get();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ AutoApproveConsumers: false, SMTPHost: '', SMTPPort: 587, SMTPPasswordSet: false, RegistrationRules: [] });
  });

  it('changes the fields sent, keeps the SMTP password write-only, and audits without the secret', async () => {
    const res = await put({ AutoApproveConsumers: true, SMTPHost: 'smtp.example.com', SMTPPort: 2525, SMTPUsername: 'mailer', SMTPPassword: 's3cret-smtp', SenderEmail: 'portal@example.com' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ AutoApproveConsumers: true, SMTPHost: 'smtp.example.com', SMTPPort: 2525, SMTPPasswordSet: true });
    expect(res.body).not.toContain('s3cret-smtp');
    expect((await get()).body).not.toContain('s3cret-smtp');
    const partial = await put({ AdminNotificationEmail: 'ops@example.com' });
    expect(partial.json()).toMatchObject({ AutoApproveConsumers: true, AdminNotificationEmail: 'ops@example.com', SMTPPasswordSet: true });
    const audit = await t.request('GET', '/api/audit-logs?action=settings.update&p=-1', { key: root });
    expect(audit.json().audit_logs.length).toBe(2);
    expect(audit.body).not.toContain('s3cret-smtp');
    expect((await put({ SMTPPassword: '' })).json().SMTPPasswordSet).toBe(false);
  });

  it('maps email domains to an organisation and team, checking that the team is in that organisation', async () => {
    const org = (await t.request('POST', '/portal-api/organisations', { key: root, body: { Name: 'Acme' } })).json() as { ID: number; Teams: { ID: number }[] };
    const team = (await t.request('POST', `/portal-api/organisations/${org.ID}/teams`, { key: root, body: { Name: 'Mobile' } })).json() as { ID: number };
    const ok = await put({ RegistrationRules: [{ Domain: 'Acme.com', OrganisationID: org.ID, TeamID: team.ID, AutoApprove: true }] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().RegistrationRules).toEqual([{ Domain: 'acme.com', OrganisationID: org.ID, TeamID: team.ID, AutoApprove: true }]);
    const defaultOrg = (await t.request('GET', '/portal-api/organisations', { key: root })).json()[0] as { ID: number };
    const wrongTeam = await put({ RegistrationRules: [{ Domain: 'other.com', OrganisationID: defaultOrg.ID, TeamID: team.ID, AutoApprove: false }] });
    expect(wrongTeam.statusCode).toBe(400);
    expect(wrongTeam.json().errors[0]).toContain('RegistrationRules.0.TeamID');
    const twice = await put({ RegistrationRules: [{ Domain: 'a.com', OrganisationID: org.ID, TeamID: team.ID, AutoApprove: false }, { Domain: 'A.com', OrganisationID: org.ID, TeamID: team.ID, AutoApprove: false }] });
    expect(twice.statusCode).toBe(400);
    expect((await get()).json().RegistrationRules).toHaveLength(1);
    // Deleting the organisation removes its rules.
    await t.request('DELETE', `/portal-api/organisations/${org.ID}`, { key: root });
    expect((await get()).json().RegistrationRules).toEqual([]);
  });

  it('refuses bad input without writing, and needs the portal permission', async () => {
    const before = (await get()).body;
    for (const body of [{ SMTPPort: 70000 }, { SenderEmail: 'not-an-email' }, { Colour: 'red' }, { RegistrationRules: [{ Domain: 'no_tld', OrganisationID: 1, TeamID: 1, AutoApprove: false }] }]) {
      const res = await put(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await get()).body).toBe(before);
    const reader = await createUser(t, root, 'reader@example.com', { perms: { portal: 'read' } });
    expect((await get(reader.key)).statusCode).toBe(200);
    expect((await put({ AutoApproveConsumers: false }, reader.key)).statusCode).toBe(403);
  });
});
