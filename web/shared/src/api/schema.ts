// Generated from the server's OpenAPI document by `npm run client:generate`. Do not edit.

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 200 when the database answers, 503 otherwise */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: operations["listUsers"];
        put?: never;
        /** Create a user; the reply carries the access key once */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Search users by name or email */
        post: operations["searchUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["getCurrentUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a user */
        get: operations["getUser"];
        /** Update a user */
        put: operations["updateUser"];
        post?: never;
        /** Delete a user; if they are the only owner of some API, name a successor who takes over */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/actions/key/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Issue a new access key (shown once); ends the old key and sessions */
        put: operations["resetUserAccessKey"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/actions/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change a password (one's own with current_password; administrators: anyone's) */
        post: operations["setUserPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/actions/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Deactivate a user and end all their sessions and keys */
        put: operations["revokeUserAccess"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/usergroups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List user groups */
        get: operations["listUserGroups"];
        put?: never;
        /** Create a user group */
        post: operations["createUserGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/usergroups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a user group */
        get: operations["getUserGroup"];
        /** Update a user group; its permissions are every member's at once */
        put: operations["updateUserGroup"];
        post?: never;
        /** Delete a user group (refused while it has members, or while it is the only owner of an API and no successor is named) */
        delete: operations["deleteUserGroup"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List audit log entries, newest first; type=csv downloads them */
        get: operations["listAuditLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit-logs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One audit log entry */
        get: operations["getAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List every API you can see (Classic and OAS) */
        get: operations["listApis"];
        put?: never;
        /** Create a Tyk Classic API */
        post: operations["createApi"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apis/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the APIs you can see by name (q: substring, case-insensitive; none: all) */
        get: operations["searchApis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apis/{apiId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an API by its id or api_id */
        get: operations["getApi"];
        /** Update a Tyk Classic API; user_owners / user_group_owners, when present, replace the owners */
        put: operations["updateApi"];
        post?: never;
        /** Delete an API */
        delete: operations["deleteApi"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apis/{apiId}/access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The owners of an API */
        get: operations["getApiAccess"];
        /** Replace the owners of an API */
        put: operations["updateApiAccess"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apis/oas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the OAS APIs you can see */
        get: operations["listOasApis"];
        put?: never;
        /** Create an API from an OpenAPI 3.0/3.1 document with x-tyk-api-gateway */
        post: operations["createOasApi"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apis/oas/{apiId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The OpenAPI document of an OAS API */
        get: operations["getOasApi"];
        /** Replace the OpenAPI document of an OAS API */
        put: operations["updateOasApi"];
        post?: never;
        /** Delete an OAS API */
        delete: operations["deleteOasApi"];
        options?: never;
        head?: never;
        /** Replace an OAS API's OpenAPI document (JSON or YAML), keeping its x-tyk-api-gateway unless the document carries one; the query sets what it names */
        patch: operations["patchOasApi"];
        trace?: never;
    };
    "/api/apis/oas/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an API from an OpenAPI document (JSON or YAML); x-tyk-api-gateway is built from the document and the query when absent */
        post: operations["importOasApi"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apis/oas/{apiId}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an OAS API's document (JSON; YAML when Accept or Content-Type asks for application/x-yaml); mode=public leaves out x-tyk-api-gateway */
        get: operations["exportOasApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the policies you can see */
        get: operations["listPolicies"];
        put?: never;
        /** Create a policy (under the client's own _id when it sends a free one); answers as Tyk does, the new policy's id in Message */
        post: operations["createPolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/policies/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the policies you can see: by id or name (q), by ids (policy_ids, which wins over q), active ones only (active) */
        get: operations["searchPolicies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a policy (APIs you cannot see are left out of access_rights) */
        get: operations["getPolicy"];
        /** Replace a policy (its id stays; an _id in the body is ignored); access_rights entries for APIs you cannot see are kept untouched. Answers as Tyk does: Message "Data updated" */
        put: operations["updatePolicy"];
        post?: never;
        /** Delete a policy */
        delete: operations["deletePolicy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the keys you can see (by key hash) */
        get: operations["listKeys"];
        put?: never;
        /** Create a key; the key itself (key_id and key, as in Tyk) is returned once, only its hash (key_hash) is stored */
        post: operations["createKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/keys/detailed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The keys you can see with their details; q: part of the key hash */
        get: operations["listKeysDetailed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a key by the key itself or its hash (hashed: by its hash only) */
        get: operations["getKey"];
        /** Update a key, named by the key itself or its hash (hashed: by its hash only) */
        put: operations["updateKey"];
        post?: never;
        /** Delete (revoke) a key, named by the key itself or its hash (hashed: by its hash only) */
        delete: operations["deleteKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apis/{apiId}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Keys granting this API, directly or through a policy */
        get: operations["listApiKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apis/{apiId}/keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A key that grants this API (directly or through a policy), by its hash or the key itself; any other key is 404 */
        get: operations["getApiKey"];
        put?: never;
        post?: never;
        /** Delete (revoke) a key that grants this API; any other key is 404 */
        delete: operations["deleteApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/usage/apis/{startDay}/{startMonth}/{startYear}/{endDay}/{endMonth}/{endYear}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Usage per API over whole UTC days */
        get: operations["getApiUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/usage/apis/{apiId}/{startDay}/{startMonth}/{startYear}/{endDay}/{endMonth}/{endYear}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One API's traffic over time */
        get: operations["getApiUsageOfApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/usage/errors/{startDay}/{startMonth}/{startYear}/{endDay}/{endMonth}/{endYear}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hits and error counts by status class over time */
        get: operations["getErrorUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/usage/keys/{startDay}/{startMonth}/{startYear}/{endDay}/{endMonth}/{endYear}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Traffic per key */
        get: operations["getKeyUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/usage/endpoints/{startDay}/{startMonth}/{startYear}/{endDay}/{endMonth}/{endYear}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Endpoint popularity */
        get: operations["getEndpointUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activity/keys/{keyHash}/{startDay}/{startMonth}/{startYear}/{endDay}/{endMonth}/{endYear}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One key's traffic by endpoint (key hash, or the key itself); a key you cannot see is 404 */
        get: operations["getKeyActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activity/keys/aggregate/{keys}/{startDay}/{startMonth}/{startYear}/{endDay}/{endMonth}/{endYear}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The traffic of the named keys (comma-separated hashes), one row per key; a key you cannot see is 404 */
        get: operations["getKeysActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activity/apis/{apiIds}/{startDay}/{startMonth}/{startYear}/{endDay}/{endMonth}/{endYear}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The traffic of the named APIs (comma-separated ids), one row per API; an API you cannot see is 404 */
        get: operations["getApisActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activity/mcp/primitives/{startDay}/{startMonth}/{startYear}/{endDay}/{endMonth}/{endYear}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** MCP calls (JSON-RPC method, tool / resource / prompt) on the MCP APIs you can see, one row per API or per primitive; an error is a response of 400 or above */
        get: operations["getMcpPrimitiveActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activity/mcp/primitives/errors/{startDay}/{startMonth}/{startYear}/{endDay}/{endMonth}/{endYear}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The MCP calls that answered 400 or above, as /activity/mcp/primitives counts them */
        get: operations["getMcpPrimitiveErrors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activity/mcp/keys/{keyId}/{startDay}/{startMonth}/{startYear}/{endDay}/{endMonth}/{endYear}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One key's MCP calls (key hash, or the key itself), on the APIs you can see; a key you cannot see is 404 */
        get: operations["getMcpKeyActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activity/oauthid/{clientId}/{startDay}/{startMonth}/{startYear}/{endDay}/{endMonth}/{endYear}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The traffic of an OAuth client (a DCR credential's client, calling JWT APIs), one row per API; a client of APIs you cannot see is 404 */
        get: operations["getOauthClientActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List access requests you can see (through their product), paged with p */
        get: operations["listPortalRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One access request */
        get: operations["getPortalRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/requests/approve/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Approve a pending request: the consumer reveals the credential's key once, it is never shown here */
        put: operations["approvePortalRequest"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a batch of analytics records (refused whole if any record is invalid) */
        post: operations["recordAnalytics"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every Dashboard user */
        get: operations["adminListUsers"];
        put?: never;
        /** Create a Dashboard user (Tyk: Message is the access key, Meta the user); audited */
        post: operations["adminCreateUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A Dashboard user */
        get: operations["adminGetUser"];
        /** Update a Dashboard user; audited */
        put: operations["adminUpdateUser"];
        post?: never;
        /** Delete a Dashboard user (name a successor if they are the only owner of some API); audited */
        delete: operations["adminDeleteUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisations: a Portcullis installation is one */
        get: operations["adminListOrganisations"];
        put?: never;
        /** Refused (400): a Portcullis installation is one organisation */
        post: operations["adminCreateOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/organisations/{orgId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation (id "1"); any other id is 404 */
        get: operations["adminGetOrganisation"];
        /** Refused (400; 404 for an id other than "1"): a Portcullis installation is one organisation */
        put: operations["adminUpdateOrganisation"];
        post?: never;
        /** Refused (400; 404 for an id other than "1"): a Portcullis installation is one organisation */
        delete: operations["adminDeleteOrganisation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password (JSON) or login and password (form); sets the session cookie */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the current session */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register as an API consumer; inactive until an administrator approves, unless auto-approval applies
         * @description Answers the same whether or not the email already has an account (its owner is emailed instead). Meta.pending_approval says whether an administrator must approve the account first. A form post is answered with 303 to the sign-in page.
         */
        post: operations["registerConsumer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password/new": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a single-use password reset link (valid 30 minutes); the answer is the same for every address */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with a reset link's token; every session and the access key of the account end */
        post: operations["resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/sso/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The single sign-on buttons the sign-in pages show, and whether passwords are switched off, per audience */
        get: operations["getSsoSignInOptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/bootstrap": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the first administrator has been created (public: the console shows its setup page until then) */
        get: operations["getBootstrapStatus"];
        put?: never;
        /** Create the first administrator (super-admin) while none exists; 409 afterwards */
        post: operations["bootstrapPortal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List organisations */
        get: operations["listOrganisations"];
        put?: never;
        /** Create an organisation (with its default team) */
        post: operations["createOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/organisations/{organisationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organisation with its teams */
        get: operations["getOrganisation"];
        /** Rename an organisation */
        put: operations["updateOrganisation"];
        post?: never;
        /** Delete an organisation (never the Default Organisation) */
        delete: operations["deleteOrganisation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/organisations/{organisationId}/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organisation's teams */
        get: operations["listTeams"];
        put?: never;
        /** Create a team */
        post: operations["createTeam"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/organisations/{organisationId}/teams/{teamId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team */
        get: operations["getTeam"];
        /** Rename a team */
        put: operations["updateTeam"];
        post?: never;
        /** Delete a team (never an organisation's default team) */
        delete: operations["deleteTeam"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/admin-review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every administrator and Dashboard user with role, permissions, group, state, creator, sign-in and owned APIs */
        get: operations["getAdminReview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/settings/general": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Portal settings (the SMTP password is never returned) */
        get: operations["getPortalSettings"];
        /** Change portal settings; fields present are changed */
        put: operations["updatePortalSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/settings/test-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test email through the configured SMTP server
         * @description 200 when the mail server accepted it; 400 when no SMTP host is set; 502 with the server's answer when it refused or could not be reached.
         */
        post: operations["sendPortalTestEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/settings/appearance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Live Portal's appearance: name, logo, colour, font, custom CSS, home-page introduction, menu links */
        get: operations["getPortalAppearance"];
        /**
         * Change the Live Portal's appearance; fields present are changed, visitors see it on their next page load
         * @description A logo is sent base64-encoded with its media type (PNG, JPEG or SVG, at most 256 KB); `Logo: null` removes it. Menu link addresses must start with https://, http:// or /. 400 names the field that is wrong.
         */
        put: operations["updatePortalAppearance"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users (administrators, Dashboard users and consumers), filtered by role, organisation, team, active or a search */
        get: operations["listPortalUsers"];
        put?: never;
        /** Create a user: a consumer (default) or, by an administrator, a provider-admin or dashboard-user */
        post: operations["createPortalUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email someone a registration link into an organisation (valid 7 days); an address that already has an account is told to sign in instead, and the answer is the same */
        post: operations["invitePortalConsumer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user with organisation and teams */
        get: operations["getPortalUser"];
        /** Update a user: details, Active (activating approves a registration), role, organisation and teams */
        put: operations["updatePortalUser"];
        post?: never;
        /** Delete a user and all their data: sessions, apps, access requests, credentials (revoked), memberships */
        delete: operations["deletePortalUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List posts, drafts included, newest first */
        get: operations["listPosts"];
        put?: never;
        /** Create a post (Markdown) */
        post: operations["createPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A post */
        get: operations["getPost"];
        /** Change a post: the fields sent change; publishing the first time sets PublishedAt */
        put: operations["updatePost"];
        post?: never;
        /** Delete a post */
        delete: operations["deletePost"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/pages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List pages, drafts included, newest first */
        get: operations["listPages"];
        put?: never;
        /** Create a page (Markdown) */
        post: operations["createPage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/pages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page */
        get: operations["getPage"];
        /** Change a page: the fields sent change; publishing the first time sets PublishedAt */
        put: operations["updatePage"];
        post?: never;
        /** Delete a page */
        delete: operations["deletePage"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/catalogues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List catalogues */
        get: operations["listCatalogues"];
        put?: never;
        /** Create a catalogue (its product/plan pairs get backing policies) */
        post: operations["createCatalogue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/catalogues/{catalogueId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A catalogue with its products, plans and audience */
        get: operations["getCatalogue"];
        /** Change a catalogue: the fields sent replace */
        put: operations["updateCatalogue"];
        post?: never;
        /** Delete a catalogue and its links */
        delete: operations["deleteCatalogue"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List products (those exposing an API you can see, or none) */
        get: operations["listProducts"];
        put?: never;
        /** Create a product */
        post: operations["createProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/products/{productId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product */
        get: operations["getProduct"];
        /** Change a product: the fields sent change (its backing policies follow) */
        put: operations["updateProduct"];
        post?: never;
        /** Delete a product (409 while access requests refer to it) */
        delete: operations["deleteProduct"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/products/{productId}/api-details": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The product's APIs */
        get: operations["listProductApis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/products/{productId}/api-details/{apiId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One API of the product */
        get: operations["getProductApi"];
        /** Change an API's description in the product */
        put: operations["updateProductApi"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/products/{productId}/api-details/{apiId}/oas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The API's OpenAPI document in this product: the uploaded one, else the OAS API's own */
        get: operations["getProductApiDocument"];
        /** Upload an OpenAPI document (JSON) for this API in the product */
        put: operations["putProductApiDocument"];
        /** Upload an OpenAPI document (JSON) for this API in the product */
        post: operations["uploadProductApiDocument"];
        /** Drop the uploaded document (the OAS API's own applies again) */
        delete: operations["deleteProductApiDocument"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/products/{productId}/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The product's Markdown guides, in order */
        get: operations["listProductDocs"];
        put?: never;
        /** Add a guide (last in order) */
        post: operations["createProductDoc"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/products/{productId}/docs/reorder": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Order the product's guides */
        post: operations["reorderProductDocs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/products/{productId}/docs/{docId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A guide */
        get: operations["getProductDoc"];
        /** Change a guide: the fields sent change */
        put: operations["updateProductDoc"];
        post?: never;
        /** Delete a guide */
        delete: operations["deleteProductDoc"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List plans ({"data": [...]}, as Tyk) */
        get: operations["listPlans"];
        put?: never;
        /** Create a plan */
        post: operations["createPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/plans/{planId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A plan */
        get: operations["getPlan"];
        /** Change a plan: the fields sent change (its backing policies follow) */
        put: operations["updatePlan"];
        post?: never;
        /** Delete a plan (409 while access requests refer to it) */
        delete: operations["deletePlan"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List consumers' apps, filtered by owner, organisation, visibility or name */
        get: operations["listApps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/apps/{appId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An app with its access requests and credentials (keys always redacted) */
        get: operations["getApp"];
        /** Change an app: name, description, visibility, or owner (its requests and keys follow) */
        put: operations["updateApp"];
        post?: never;
        /** Delete an app with its access requests; its credentials are revoked */
        delete: operations["deleteApp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/apps/{appId}/credentials/{credentialId}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Rotate a credential: the old key stops working at once; the app's owner reveals the new key (never the administrator) */
        put: operations["rotateAppCredential"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/apps/{appId}/access-requests/{accessRequestId}/credentials/{credentialId}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Rotate a credential of one of the app's access requests (Tyk's path); as the rotation above */
        put: operations["rotateAccessRequestCredential"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/access_requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List access requests, optionally by status */
        get: operations["listAccessRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/access_requests/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An access request with its credentials (keys always redacted) */
        get: operations["getAccessRequest"];
        put?: never;
        post?: never;
        /** Delete an access request; an approved one's credentials are revoked */
        delete: operations["deleteAccessRequest"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/access_requests/{requestId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Approve a pending request, with an optional comment for the consumer: issues a credential whose key the consumer reveals once */
        put: operations["approveAccessRequest"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/access_requests/{requestId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Reject a pending request, with an optional comment for the consumer */
        put: operations["rejectAccessRequest"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/sso_profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List single sign-on profiles */
        get: operations["listSsoProfiles"];
        put?: never;
        /**
         * Create a single sign-on profile (OpenID Connect); the client secret is write-only
         * @description Staff profiles (GenerateOrLoginUserProfile) need an administrator; consumer profiles `portal: write`.
         */
        post: operations["createSsoProfile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/sso_profiles/{profile_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A single sign-on profile (never its client secret) */
        get: operations["getSsoProfile"];
        /** Replace a single sign-on profile; an absent ClientSecret keeps the stored one */
        put: operations["updateSsoProfile"];
        post?: never;
        /** Delete a single sign-on profile */
        delete: operations["deleteSsoProfile"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/sso_profiles/{profile_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fetch the profile's discovery document now and say whether it works */
        post: operations["testSsoProfile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/oauth-providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OAuth 2.0 providers clients are registered at (dynamic client registration) */
        get: operations["listOAuthProviders"];
        put?: never;
        /** Add an OAuth provider (administrators); RegistrationAccessToken is write-only */
        post: operations["createOAuthProvider"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/oauth-providers/{providerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An OAuth provider with its client types */
        get: operations["getOAuthProvider"];
        /** Change an OAuth provider: the fields sent change (RegistrationAccessToken replaces the stored one) */
        put: operations["updateOAuthProvider"];
        post?: never;
        /** Delete an OAuth provider and its client types (400 while products use them, unless force=true) */
        delete: operations["deleteOAuthProvider"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/oauth-providers/{providerId}/client-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A provider's client types */
        get: operations["listOAuthClientTypes"];
        put?: never;
        /** Add a client type (the grant and response types registered clients get) */
        post: operations["createOAuthClientType"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/oauth-providers/{providerId}/client-types/{clientTypeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A client type */
        get: operations["getOAuthClientType"];
        /** Change a client type (clients registered already keep theirs) */
        put: operations["updateOAuthClientType"];
        post?: never;
        /** Delete a client type (400 while products use it, unless force=true) */
        delete: operations["deleteOAuthClientType"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/products/{productId}/client_types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The client types a DCR product registers clients with (the first is used) */
        get: operations["listProductClientTypes"];
        put?: never;
        /** Attach a client type to a product */
        post: operations["attachProductClientType"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal-api/products/{productId}/client_types/{clientTypeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A client type attached to a product */
        get: operations["getProductClientType"];
        put?: never;
        post?: never;
        /** Detach a client type from a product; its pending access requests that need it (chose it, or chose none and no type is left) are rejected */
        delete: operations["detachProductClientType"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published posts, newest first */
        get: operations["listPublishedPosts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/posts/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A published post by its path (a draft answers 404, like an absent one) */
        get: operations["getPublishedPost"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/pages/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A published page by its path (a draft answers 404, like an absent one) */
        get: operations["getPublishedPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/catalogues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Catalogues you may see, with their products and plans */
        get: operations["listLiveCatalogues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/products/{productId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product listed in a catalogue you may see */
        get: operations["getLiveProduct"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/products/{productId}/api-details/{apiId}/oas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The OpenAPI document of one of the product's APIs */
        get: operations["getLiveProductApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/products/{productId}/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The product's guides, in order */
        get: operations["listLiveProductDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/products/{productId}/docs/{docId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One guide of the product */
        get: operations["getLiveProductDoc"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/appearance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The portal's name, logo, colour, font, home-page introduction and menu links */
        get: operations["getLivePortalAppearance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/appearance/logo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The portal's logo (PNG, JPEG or SVG); 404 when there is none
         * @description An SVG is served with a Content-Security-Policy that forbids scripts (and sandboxes it), so it can only ever be a picture.
         */
        get: operations["getLivePortalLogo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/appearance.css": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The administrators' custom stylesheet (empty when there is none)
         * @description Served as text/css, linked by every page of the Live Portal after its own styles.
         */
        get: operations["getLivePortalStylesheet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My account, organisation and teams */
        get: operations["getMyAccount"];
        /** Change my name */
        put: operations["updateMyAccount"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change my password (the current one is required); my other sessions end */
        post: operations["changeMyPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/org/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My organisation's members (consumer-admin) */
        get: operations["listMyOrganisationUsers"];
        put?: never;
        /** Invite someone into my organisation by email (consumer-admin); the link is valid 7 days */
        post: operations["inviteMyOrganisationUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/org/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a member's teams or role (consumer-admin) */
        put: operations["updateMyOrganisationUser"];
        post?: never;
        /** Remove a member from my organisation (consumer-admin): they move to the Default Organisation */
        delete: operations["removeMyOrganisationUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The apps I can see: mine, my teams' and my organisation's, by their visibility */
        get: operations["listMyApps"];
        put?: never;
        /** Create an app (visibility personal unless said otherwise) */
        post: operations["createMyApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/apps/{appId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An app with its access requests and credentials, keys redacted (a view never mints a key: see .../reveal) */
        get: operations["getMyApp"];
        /** Change an app's name, description or visibility (owner or consumer-admin) */
        put: operations["updateMyApp"];
        post?: never;
        /** Delete an app (owner or consumer-admin): its credentials are revoked */
        delete: operations["deleteMyApp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/apps/{appId}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An app's calls, errors and latency through the gateway over whole UTC days, by day or hour: its credentials' keys only */
        get: operations["getMyAppUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/apps/{appId}/credentials/{credentialId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A credential, its key redacted (a view never mints a key: see .../reveal) */
        get: operations["getMyAppCredential"];
        put?: never;
        post?: never;
        /** Revoke a credential (owner or consumer-admin): its key stops working at once and the access request that produced it is removed; ask for access anew to call the product again */
        delete: operations["revokeMyAppCredential"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/apps/{appId}/credentials/{credentialId}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reveal a credential's key, this once (owner or consumer-admin): the key is minted and is in this reply only; 409 once revealed */
        post: operations["revealMyAppCredential"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/apps/{appId}/credentials/{credentialId}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Rotate a credential: a new key, in this reply only; the old key stops working */
        put: operations["rotateMyAppCredential"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portal/api/access-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a product on a plan for one of my apps */
        post: operations["createMyAccessRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AccessDecision: {
            /** @description Shown to the consumer with the decision (their app's page, the email) */
            Comment?: string;
        };
        AccessRequest: {
            ID: number;
            Status: "pending" | "approved" | "rejected";
            /** @description Approved at once by the plan */
            ProvisionImmediately: boolean;
            AuthType: string;
            /** @description The product registers an OAuth client at an identity provider for an approved request (the product's DCREnabled) */
            DCREnabled: boolean;
            /** @description DCR products: the OAuth client type the consumer chose; null when they chose none (the product's first is used) */
            ClientTypeID: number | null;
            /** @description The name of that client type; empty when none was chosen */
            ClientType: string;
            Catalogue: string;
            /** @description The app's name */
            Client: string;
            Plan: string;
            /** @description The app owner's email */
            User: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            CreatedAt: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            UpdatedAt: string;
            AppID: number;
            ProductID: number;
            PlanID: number;
            UserID: number;
            CatalogueID: number | null;
            /** @description The administrator's comment on the approval or rejection; empty when none */
            DecisionComment: string;
            /** @description The app owner's first and last name */
            UserName: string;
            OrganisationID: number | null;
            /** @description The app owner's organisation; empty when none */
            Organisation: string;
            DecidedAt: string | null;
            /** @description Who approved or rejected it (email); empty when undecided or approved at once by the plan */
            DecidedBy: string;
            Products: string;
            Credentials: components["schemas"]["Credential"][];
        };
        AccessRequestCreate: {
            AppID: number;
            ProductID: number;
            PlanID: number;
            /** @description DCR products: the OAuth client type to register the app's client with, one of the product's `ClientTypes`; default the first */
            ClientTypeID?: number;
        };
        AccessRequestSummary: {
            ID: number;
            Status: "pending" | "approved" | "rejected";
            /** @description Approved at once by the plan */
            ProvisionImmediately: boolean;
            AuthType: string;
            /** @description The product registers an OAuth client at an identity provider for an approved request (the product's DCREnabled) */
            DCREnabled: boolean;
            /** @description DCR products: the OAuth client type the consumer chose; null when they chose none (the product's first is used) */
            ClientTypeID: number | null;
            /** @description The name of that client type; empty when none was chosen */
            ClientType: string;
            Catalogue: string;
            /** @description The app's name */
            Client: string;
            Plan: string;
            /** @description The app owner's email */
            User: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            CreatedAt: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            UpdatedAt: string;
            AppID: number;
            ProductID: number;
            PlanID: number;
            UserID: number;
            CatalogueID: number | null;
            /** @description The administrator's comment on the approval or rejection; empty when none */
            DecisionComment: string;
            /** @description The app owner's first and last name */
            UserName: string;
            OrganisationID: number | null;
            /** @description The app owner's organisation; empty when none */
            Organisation: string;
            DecidedAt: string | null;
            /** @description Who approved or rejected it (email); empty when undecided or approved at once by the plan */
            DecidedBy: string;
            Products: string;
        };
        AdminApp: {
            ID: number;
            Name: string;
            Description: string;
            /** @description OAuth2 is not offered: always empty */
            RedirectURLs: string;
            UserID: number;
            /** @description personal: the owner only; team: whoever shares a team with the owner; organisation: everyone in the owner's organisation */
            Visibility: "personal" | "team" | "organisation";
            /** @description YYYY-MM-DD HH:MM (UTC) */
            CreatedAt: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            UpdatedAt: string;
            /** @description The owner's email */
            UserEmail: string;
            /** @description The owner's first and last name */
            UserName: string;
            OrganisationID: number | null;
            /** @description The owner's organisation; empty when none */
            Organisation: string;
            AccessRequests: components["schemas"]["AppAccessRequest"][];
        };
        AdminAppSummary: {
            ID: number;
            Name: string;
            Description: string;
            /** @description OAuth2 is not offered: always empty */
            RedirectURLs: string;
            UserID: number;
            /** @description personal: the owner only; team: whoever shares a team with the owner; organisation: everyone in the owner's organisation */
            Visibility: "personal" | "team" | "organisation";
            /** @description YYYY-MM-DD HH:MM (UTC) */
            CreatedAt: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            UpdatedAt: string;
            /** @description The owner's email */
            UserEmail: string;
            /** @description The owner's first and last name */
            UserName: string;
            OrganisationID: number | null;
            /** @description The owner's organisation; empty when none */
            Organisation: string;
            /** @description The products and plans of its approved access requests (those the reader may see) */
            Access: components["schemas"]["AppAccessSummary"][];
            /** @description Credentials of those requests */
            CredentialCount: number;
        };
        AdminAppUpdate: {
            Name?: string;
            Description?: string;
            /** @description Hands the app (its requests and keys) to another consumer */
            UserID?: number;
            /** @description personal: the owner only; team: whoever shares a team with the owner; organisation: everyone in the owner's organisation */
            Visibility?: "personal" | "team" | "organisation";
            /** @description Read-only: accepted and ignored */
            ID?: unknown;
            /** @description Read-only: accepted and ignored */
            RedirectURLs?: unknown;
            /** @description Read-only: accepted and ignored */
            CreatedAt?: unknown;
            /** @description Read-only: accepted and ignored */
            UpdatedAt?: unknown;
            /** @description Read-only: accepted and ignored */
            AccessRequests?: unknown;
            /** @description Read-only: accepted and ignored */
            UserEmail?: unknown;
            /** @description Read-only: accepted and ignored */
            UserName?: unknown;
            /** @description Read-only: accepted and ignored */
            OrganisationID?: unknown;
            /** @description Read-only: accepted and ignored */
            Organisation?: unknown;
        };
        AdminOrganisation: {
            id: string;
            owner_name: string;
            owner_slug: string;
            cname_enabled: boolean;
            cname: string;
            apis: {
                api_human_name: string;
                api_id: string;
            }[];
            developer_quota: number;
            developer_count: number;
            event_options: {
                [key: string]: unknown;
            };
            hybrid_enabled: boolean;
            org_options_meta: {
                [key: string]: unknown;
            };
            ui: {
                [key: string]: unknown;
            };
        };
        AdminOrganisationList: {
            organisations: components["schemas"]["AdminOrganisation"][];
            pages: number;
        };
        Api: {
            api_definition: {
                [key: string]: unknown;
            };
            user_owners: string[];
            user_group_owners: string[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            oas?: {
                [key: string]: unknown;
            };
        };
        ApiAccess: {
            userIds: string[];
            userGroupIds: string[];
        };
        ApiDefinition: {
            name: string;
            api_id?: string;
            active?: boolean;
            use_keyless?: boolean;
            proxy: {
                listen_path: string;
                target_url: string;
                strip_listen_path?: boolean;
            } & {
                [key: string]: unknown;
            };
            auth?: {
                auth_header_name?: string;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        ApiDetail: {
            APIID: string;
            Name: string;
            Description: string;
            /** @description classic or oas */
            APIType: string;
            ListenPath: string;
            TargetURL: string;
            /** @description Whether the API is active */
            Status: boolean;
            /** @description Where this API's OpenAPI document is served; empty when it has none */
            OASUrl: string;
            /** @description uploaded: a document uploaded for this product; api: the OAS API's own document; none: no document */
            DocumentSource: "uploaded" | "api" | "none";
        };
        ApiDetailInput: {
            /** @description The api_id of an API (as in /api/apis) the caller can see */
            APIID: string;
            /** @description What this API does, for consumers */
            Description?: string;
            /** @description Read-only: accepted and ignored */
            Name?: unknown;
            /** @description Read-only: accepted and ignored */
            APIType?: unknown;
            /** @description Read-only: accepted and ignored */
            ListenPath?: unknown;
            /** @description Read-only: accepted and ignored */
            TargetURL?: unknown;
            /** @description Read-only: accepted and ignored */
            Status?: unknown;
            /** @description Read-only: accepted and ignored */
            OASUrl?: unknown;
            /** @description Read-only: accepted and ignored */
            DocumentSource?: unknown;
        };
        ApiDetailUpdate: {
            /** @description What this API does, for consumers */
            Description?: string;
        };
        ApiInput: {
            api_definition: components["schemas"]["ApiDefinition"];
            user_owners?: string[] | null;
            user_group_owners?: string[] | null;
            created_at?: string | null;
            updated_at?: string | null;
            api_model?: Record<string, never>;
            categories?: unknown;
            hook_references?: unknown;
            is_site?: boolean;
            sort_by?: number;
            oas?: unknown;
        };
        ApiList: {
            apis: components["schemas"]["Api"][];
            pages: number;
        };
        ApiResponse: {
            Status: "OK" | "Error";
            Message: string;
            Meta: unknown;
            /** @description The api_id of a created API */
            ID?: string;
        };
        App: {
            ID: number;
            Name: string;
            Description: string;
            /** @description OAuth2 is not offered: always empty */
            RedirectURLs: string;
            UserID: number;
            /** @description personal: the owner only; team: whoever shares a team with the owner; organisation: everyone in the owner's organisation */
            Visibility: "personal" | "team" | "organisation";
            /** @description YYYY-MM-DD HH:MM (UTC) */
            CreatedAt: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            UpdatedAt: string;
            AccessRequests: components["schemas"]["AppAccessRequest"][];
        };
        AppAccessRequest: {
            ID: number;
            Status: "pending" | "approved" | "rejected";
            /** @description Approved at once by the plan */
            ProvisionImmediately: boolean;
            AuthType: string;
            /** @description The product registers an OAuth client at an identity provider for an approved request (the product's DCREnabled) */
            DCREnabled: boolean;
            /** @description DCR products: the OAuth client type the consumer chose; null when they chose none (the product's first is used) */
            ClientTypeID: number | null;
            /** @description The name of that client type; empty when none was chosen */
            ClientType: string;
            Catalogue: string;
            /** @description The app's name */
            Client: string;
            Plan: string;
            /** @description The app owner's email */
            User: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            CreatedAt: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            UpdatedAt: string;
            AppID: number;
            ProductID: number;
            PlanID: number;
            UserID: number;
            CatalogueID: number | null;
            /** @description The administrator's comment on the approval or rejection; empty when none */
            DecisionComment: string;
            Products: string[];
            Credentials: components["schemas"]["Credential"][];
        };
        AppAccessSummary: {
            AccessRequestID: number;
            ProductID: number;
            Product: string;
            PlanID: number;
            Plan: string;
        };
        AppSummary: {
            ID: number;
            Name: string;
            Description: string;
            /** @description OAuth2 is not offered: always empty */
            RedirectURLs: string;
            UserID: number;
            /** @description personal: the owner only; team: whoever shares a team with the owner; organisation: everyone in the owner's organisation */
            Visibility: "personal" | "team" | "organisation";
            /** @description YYYY-MM-DD HH:MM (UTC) */
            CreatedAt: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            UpdatedAt: string;
        };
        AppUsage: {
            AppID: number;
            /** @description YYYY-MM-DD */
            From: string;
            /** @description YYYY-MM-DD */
            To: string;
            Resolution: "day" | "hour";
            Totals: {
                /** @description Calls through the gateway */
                Requests: number;
                /** @description Calls answered with a status of 400 or more */
                Errors: number;
                /** @description Mean time to answer, ms (0 without calls) */
                AverageLatency: number;
            };
            Series: {
                /** @description Start of the hour or day, ISO 8601 (UTC) */
                Time: string;
                /** @description Calls through the gateway */
                Requests: number;
                /** @description Calls answered with a status of 400 or more */
                Errors: number;
                /** @description Mean time to answer, ms (0 without calls) */
                AverageLatency: number;
            }[];
        };
        Audience: {
            /** @description The catalogue's name */
            Catalogue: string;
            /** @description The team, or the organisation when the whole organisation is the audience */
            Name: string;
            Organisation: string;
            OrganisationID: number;
            Team: string | null;
            TeamID: number | null;
        };
        AudienceInput: {
            /** @description An organisation */
            OrganisationID: number;
            /** @description One team of that organisation; absent: the whole organisation */
            TeamID?: number;
        };
        Catalogue: {
            ID: number;
            Name: string;
            NameWithSlug: string;
            /** @description Public: every visitor of the Live Portal; Private: only the audience (OrgCatalogues) */
            VisibilityStatus: "Public" | "Private";
            /** @description Names of the products (as Tyk) */
            Products: string[];
            ProductIDs: number[];
            /** @description Names of the plans (as Tyk) */
            Plans: string[];
            PlanIDs: number[];
            OrgCatalogues: components["schemas"]["Audience"][];
            /** @description YYYY-MM-DD HH:MM (UTC) */
            CreatedAt: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            UpdatedAt: string;
        };
        CatalogueInput: {
            /** @description Unique, whatever the case */
            Name: string;
            /** @description Public: every visitor of the Live Portal; Private: only the audience (OrgCatalogues) */
            VisibilityStatus?: "Public" | "Private";
            /** @description Ids of products listed in the catalogue */
            Products?: number[];
            /** @description Ids of plans offered in the catalogue */
            Plans?: number[];
            /** @description The audience of a private catalogue (kept but ignored while it is public) */
            OrgCatalogues?: components["schemas"]["AudienceInput"][];
            /** @description Accepted for Tyk compatibility; the slug is derived from Name */
            NameWithSlug?: string;
        };
        CatalogueSummary: {
            ID: number;
            Name: string;
            NameWithSlug: string;
            /** @description Public: every visitor of the Live Portal; Private: only the audience (OrgCatalogues) */
            VisibilityStatus: "Public" | "Private";
        };
        CatalogueUpdate: {
            /** @description Unique, whatever the case */
            Name?: string;
            /** @description Public: every visitor of the Live Portal; Private: only the audience (OrgCatalogues) */
            VisibilityStatus?: "Public" | "Private";
            /** @description Ids of products listed in the catalogue. Names (as a GET shows them) only alongside the ids field, which then wins */
            Products?: (number | string)[];
            /** @description Ids of products listed in the catalogue, as a GET shows them */
            ProductIDs?: number[];
            /** @description Ids of plans offered in the catalogue. Names (as a GET shows them) only alongside the ids field, which then wins */
            Plans?: (number | string)[];
            /** @description Ids of plans offered in the catalogue, as a GET shows them */
            PlanIDs?: number[];
            /** @description The audience of a private catalogue (kept but ignored while it is public) */
            OrgCatalogues?: {
                /** @description An organisation */
                OrganisationID: number;
                /** @description One team of that organisation; absent or null: the whole organisation */
                TeamID?: number | null;
                /** @description Read-only: accepted and ignored */
                Catalogue?: unknown;
                /** @description Read-only: accepted and ignored */
                Name?: unknown;
                /** @description Read-only: accepted and ignored */
                Organisation?: unknown;
                /** @description Read-only: accepted and ignored */
                Team?: unknown;
            }[];
            /** @description Accepted for Tyk compatibility; the slug is derived from Name */
            NameWithSlug?: string;
            /** @description Read-only: accepted and ignored */
            ID?: unknown;
            /** @description Read-only: accepted and ignored */
            CreatedAt?: unknown;
            /** @description Read-only: accepted and ignored */
            UpdatedAt?: unknown;
        };
        ConsumerAppCreate: {
            Name: string;
            Description?: string;
            /** @description personal: the owner only; team: whoever shares a team with the owner; organisation: everyone in the owner's organisation */
            Visibility?: "personal" | "team" | "organisation";
        };
        ConsumerAppUpdate: {
            Name?: string;
            Description?: string;
            /** @description personal: the owner only; team: whoever shares a team with the owner; organisation: everyone in the owner's organisation */
            Visibility?: "personal" | "team" | "organisation";
        };
        ContentInput: {
            /** @description Title */
            Title: string;
            /** @description URL path, unique per kind: lowercase letters, digits, - and _, in segments separated by /; one leading / is dropped. A page (served at /<path>) cannot start with a segment of the portal's own addresses: admin, api, assets, auth, blog, gateway, health, metrics, portal, portal-api */
            Path: string;
            /** @description Only published content is public */
            Status: "published" | "draft";
            /** @description Markdown, returned as stored (never rendered to HTML by the server) */
            Content?: string;
            /** @description Short summary shown in lists */
            Lede?: string;
            /** @description Accepted for Tyk compatibility: content is always Markdown, so only true is accepted */
            MarkdownEnabled?: boolean;
        };
        CreatedKey: {
            /** @description The key itself, shown only in this reply (the same as key_id) */
            key: string;
            /** @description As in Tyk: the key itself, the credential a client sends to the gateway; shown only in this reply */
            key_id: string;
            /** @description The key hash: the id to link to, and the one later replies name the key by */
            key_hash: string;
            data: components["schemas"]["KeySession"];
        };
        Credential: {
            ID: number;
            AccessRequestID: number;
            /** @description AccessRequest#<id> */
            AccessRequest: string;
            /** @description The key itself in the one reply that mints it (reveal, rotation); afterwards "********"; empty while no key was minted */
            Credential: string;
            /** @description The key's hash, its id in /api/keys; empty while no key was minted */
            CredentialHash: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            Expires?: string;
            /** @description The key (or, for an OAuth client, its secret) was shown once */
            Revealed: boolean;
            /** @description DCR products: the client registered at the OAuth provider (the credential has no key then: Credential is empty) */
            OAuthClientID?: string;
            /** @description DCR products: the client secret in the one reply that reveals it; afterwards "********" */
            OAuthClientSecret?: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            CreatedAt: string;
        };
        /** @description An error of the Dashboard API (Tyk `ApiResponse`) */
        DashboardError: {
            /** @enum {string} */
            Status: "Error";
            /** @description What went wrong; a refused field is named first ("field: problem") */
            Message: string;
            Meta: null;
        };
        Guide: {
            ID: number;
            Title: string;
            Content: string;
            /** @enum {boolean} */
            MarkdownEnabled: true;
            /**
             * @description Guides have no drafts: they show wherever their product shows
             * @enum {string}
             */
            Status: "published";
            /** @description A slug of the title (Tyk requires one) */
            Path: string;
            Position: number;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            CreatedAt: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            UpdatedAt: string;
        };
        GuideInput: {
            Title: string;
            /** @description Markdown, returned as stored */
            Content?: string;
            /** @description Same as Content (Tyk sends both); Content wins when both are sent */
            MarkdownContent?: string;
            /**
             * @description Accepted for Tyk compatibility: guides are always Markdown
             * @enum {boolean}
             */
            MarkdownEnabled?: true;
        };
        KeyData: {
            /** @description The key hash (the key itself is never shown again after its creation); /api/keys/{keyId} takes either */
            key_id: string;
            /** @description The key hash */
            key_hash: string;
            data: components["schemas"]["KeySession"];
        };
        KeyInput: {
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            basic_auth_data?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            certificate?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            data_expires?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            enable_detailed_recording?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            enable_http_signature_validation?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            hmac_enabled?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            hmac_string?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            id_extractor_deadline?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            jwt_data?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            last_check?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            max_query_depth?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            monitor?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            mtls_static_certificate_bindings?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            oauth_client_id?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            oauth_keys?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            rsa_certificate_id?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            session_lifetime?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            smoothing?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            throttle_interval?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            throttle_retry_limit?: unknown;
            access_rights?: {
                [key: string]: {
                    api_id?: string;
                    api_name?: string;
                    versions?: string[] | null;
                    allowed_urls?: ({
                        url: string;
                        methods: string[] | null;
                    } & {
                        [key: string]: unknown;
                    })[] | null;
                    limit?: ({
                        rate?: number;
                        per?: number;
                        quota_max?: number;
                        quota_renewal_rate?: number;
                    } & {
                        [key: string]: unknown;
                    }) | null;
                } & {
                    [key: string]: unknown;
                };
            } | null;
            apply_policies?: string[] | null;
            apply_policy_id?: string;
            rate?: number;
            per?: number;
            quota_max?: number;
            quota_renewal_rate?: number;
            /** @description Unix seconds; 0 or -1 never */
            expires?: number;
            is_inactive?: boolean;
            alias?: string;
            meta_data?: {
                [key: string]: unknown;
            } | null;
            tags?: string[] | null;
            allowance?: number;
            quota_remaining?: number;
            quota_renews?: number;
            org_id?: string;
            date_created?: string;
            last_updated?: string;
            key_id?: string;
        };
        KeyList: {
            data: {
                keys: string[];
            };
            pages: number;
        };
        KeysDetailed: {
            keys: components["schemas"]["KeyData"][];
            pages: number;
        };
        KeySession: {
            access_rights: {
                [key: string]: {
                    api_id?: string;
                    api_name?: string;
                    versions?: string[] | null;
                    allowed_urls?: ({
                        url: string;
                        methods: string[] | null;
                    } & {
                        [key: string]: unknown;
                    })[] | null;
                    limit?: ({
                        rate?: number;
                        per?: number;
                        quota_max?: number;
                        quota_renewal_rate?: number;
                    } & {
                        [key: string]: unknown;
                    }) | null;
                } & {
                    [key: string]: unknown;
                };
            };
            apply_policies: string[];
            rate: number;
            per: number;
            quota_max: number;
            quota_renewal_rate: number;
            expires: number;
            is_inactive: boolean;
            alias: string;
            meta_data: {
                [key: string]: unknown;
            };
            tags: string[];
            date_created: string;
            last_updated: string;
            /** @description Reading one key only: requests left in the current quota window as the gateway counters hold it (quota_max when no window is running; -1 when there is no quota). Absent when the Dashboard cannot reach the counters (no Redis, no gateway in its process). */
            quota_remaining?: number;
            /** @description With quota_remaining: Unix seconds when the current window renews; 0 when none is running or it never renews */
            quota_renews?: number;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            basic_auth_data?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            certificate?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            data_expires?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            enable_detailed_recording?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            enable_http_signature_validation?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            hmac_enabled?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            hmac_string?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            id_extractor_deadline?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            jwt_data?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            last_check?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            max_query_depth?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            monitor?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            mtls_static_certificate_bindings?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            oauth_client_id?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            oauth_keys?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            rsa_certificate_id?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            session_lifetime?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            smoothing?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            throttle_interval?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            throttle_retry_limit?: unknown;
        };
        LiveApi: {
            APIID: string;
            Name: string;
            Description: string;
            ListenPath: string;
            /** @description Where consumers call the API: the gateway's public address (PORTCULLIS_GATEWAY_PUBLIC_URL) followed by the listen path; empty when that address is not configured */
            URL: string;
            /** @description Where the OpenAPI document is served (public under the same rule as the product); empty when there is none */
            OASUrl: string;
        };
        LiveCatalogue: {
            ID: number;
            Name: string;
            NameWithSlug: string;
            /** @description Public: every visitor of the Live Portal; Private: only the audience (OrgCatalogues) */
            VisibilityStatus: "Public" | "Private";
            Products: components["schemas"]["LiveProductSummary"][];
            Plans: components["schemas"]["LivePlan"][];
        };
        LiveGuide: {
            ID: number;
            Title: string;
            Path: string;
            /** @description Markdown */
            Content: string;
            UpdatedAt: string;
        };
        LiveGuideSummary: {
            ID: number;
            Title: string;
            Path: string;
            Url: string;
        };
        LivePlan: {
            ID: number;
            Name: string;
            DisplayName: string;
            Description: string;
            RateLimit: number;
            Per: number;
            UnlimitedRateLimit: boolean;
            Quota: number;
            QuotaRenewalRate: number;
            UnlimitedQuota: boolean;
            KeyExpiresIn: number;
            AutoApproveAccessRequests: boolean;
        };
        LivePortalAppearance: {
            Name: string;
            LogoURL: string | null;
            PrimaryColour: string | null;
            /** @description One of a short list of fonts every device has (no web font is loaded) */
            FontFamily: "system" | "helvetica" | "verdana" | "trebuchet" | "georgia" | "palatino";
            /** @description The CSS font-family value */
            FontStack: string;
            /** @description Markdown */
            Introduction: string;
            MenuLinks: components["schemas"]["PortalMenuLink"][];
            /** @description The custom stylesheet to link, when there is one */
            StylesheetURL: string | null;
        };
        LiveProduct: {
            ID: number;
            Name: string;
            DisplayName: string;
            Description: string;
            Tags: string[];
            APIs: components["schemas"]["LiveApi"][];
            Guides: components["schemas"]["LiveGuideSummary"][];
            /** @description DCR products: the OAuth client types an access request may choose (ClientTypeID); empty for others */
            ClientTypes: {
                ID: number;
                Name: string;
                Description: string;
            }[];
            /** @description Plans offered with this product in catalogues you may see */
            Plans: components["schemas"]["LivePlan"][];
            Catalogues: {
                ID: number;
                Name: string;
            }[];
        };
        LiveProductSummary: {
            ID: number;
            Name: string;
            DisplayName: string;
            Description: string;
            Tags: string[];
            APIs: components["schemas"]["LiveApi"][];
            Guides: components["schemas"]["LiveGuideSummary"][];
            /** @description DCR products: the OAuth client types an access request may choose (ClientTypeID); empty for others */
            ClientTypes: {
                ID: number;
                Name: string;
                Description: string;
            }[];
        };
        NameInput: {
            Name: string;
        };
        OasApiDocument: {
            openapi?: string;
            info?: {
                [key: string]: unknown;
            };
            "x-tyk-api-gateway"?: {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        OasApiImport: {
            openapi?: string;
            info?: {
                [key: string]: unknown;
            };
            "x-tyk-api-gateway"?: {
                [key: string]: unknown;
            };
            /** @description Tyk imports from an address; Portcullis refuses it (send the document) */
            url?: string;
            jsonSchemaDialect?: string;
            servers?: unknown[];
            paths?: {
                [key: string]: unknown;
            };
            webhooks?: {
                [key: string]: unknown;
            };
            components?: {
                [key: string]: unknown;
            };
            security?: unknown[];
            tags?: unknown[];
            externalDocs?: {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        OasApiInput: {
            openapi: string;
            info: {
                [key: string]: unknown;
            };
            "x-tyk-api-gateway": {
                [key: string]: unknown;
            };
            jsonSchemaDialect?: string;
            servers?: unknown[];
            paths?: {
                [key: string]: unknown;
            };
            webhooks?: {
                [key: string]: unknown;
            };
            components?: {
                [key: string]: unknown;
            };
            security?: unknown[];
            tags?: unknown[];
            externalDocs?: {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        /** @description An OpenAPI 3.x (or Swagger 2.0) document as JSON */
        OasDocument: {
            [key: string]: unknown;
        };
        Organisation: {
            ID: number;
            Name: string;
            /** @description The Default Organisation (it cannot be deleted; users of deleted organisations move to it) */
            Default: boolean;
            Teams: components["schemas"]["TeamSummary"][];
            Users: {
                ID: number;
            }[];
            /** @description YYYY-MM-DD HH:MM (UTC) */
            CreatedAt: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            UpdatedAt: string;
        };
        OrganisationSummary: {
            ID: number;
            Name: string;
            /** @description The Default Organisation (it cannot be deleted; users of deleted organisations move to it) */
            Default: boolean;
        };
        OrganisationUpdate: {
            Name: string;
            /** @description Read-only: accepted and ignored */
            ID?: unknown;
            /** @description Read-only: accepted and ignored */
            Default?: unknown;
            /** @description Read-only: accepted and ignored */
            Teams?: unknown;
            /** @description Read-only: accepted and ignored */
            Users?: unknown;
            /** @description Read-only: accepted and ignored */
            CreatedAt?: unknown;
            /** @description Read-only: accepted and ignored */
            UpdatedAt?: unknown;
        };
        Page: {
            ID: number;
            Title: string;
            Lede: string;
            Content: string;
            /** @description Only published content is public */
            Status: "published" | "draft";
            Path: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            CreatedAt: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            UpdatedAt: string;
            /** @description When first published; null while never published */
            PublishedAt: string | null;
        };
        PasswordInput: {
            current_password?: string;
            new_password: string;
            /** @description Sent by Tyk provisioning scripts: set as by PUT /api/users/{id} (users: write, nobody grants more than they hold) */
            user_permissions?: {
                [key: string]: string;
            };
            api_model?: Record<string, never>;
        };
        Plan: {
            ID: number;
            Name: string;
            DisplayName: string;
            Description: string;
            RateLimit: number;
            Per: number;
            UnlimitedRateLimit: boolean;
            Quota: number;
            QuotaRenewalRate: number;
            UnlimitedQuota: boolean;
            KeyExpiresIn: number;
            AutoApproveAccessRequests: boolean;
            /** @description Ids (as in PlanRequest) */
            Catalogues: number[];
            /** @description Always 1: Portcullis is its own single provider (Tyk requires the field) */
            ProviderID: number;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            CreatedAt: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            UpdatedAt: string;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            CID?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            JWTScope?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            MetaData?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            PlanQuota?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            PlanQuotaRenewalRate?: unknown;
        };
        PlanIndex: {
            data: components["schemas"]["PlanSummary"][];
        };
        PlanInput: {
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            CID?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            JWTScope?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            MetaData?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            PlanQuota?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            PlanQuotaRenewalRate?: unknown;
            /** @description Unique, whatever the case */
            Name: string;
            /** @description Shown to consumers; defaults to Name */
            DisplayName?: string;
            Description?: string;
            /** @description Requests per Per seconds (0 only with UnlimitedRateLimit) */
            RateLimit?: number;
            /** @description Seconds (0 only with UnlimitedRateLimit) */
            Per?: number;
            /** @description No rate limit (RateLimit and Per are then ignored) */
            UnlimitedRateLimit?: boolean;
            /** @description Requests per QuotaRenewalRate seconds (-1 only with UnlimitedQuota) */
            Quota?: number;
            /** @description Seconds (-1 only with UnlimitedQuota) */
            QuotaRenewalRate?: number;
            /** @description No quota (Quota and QuotaRenewalRate are then ignored) */
            UnlimitedQuota?: boolean;
            /** @description Seconds a credential lives; 0 never expires */
            KeyExpiresIn?: number;
            AutoApproveAccessRequests?: boolean;
            /** @description Ids of the catalogues offering the plan */
            Catalogues?: number[];
            /** @description Accepted for Tyk compatibility; there is one provider */
            ProviderID?: number;
            /** @description Read-only: accepted and ignored */
            ID?: unknown;
            /** @description Read-only: accepted and ignored */
            CreatedAt?: unknown;
            /** @description Read-only: accepted and ignored */
            UpdatedAt?: unknown;
        };
        PlanSummary: {
            ID: number;
            Name: string;
            DisplayName: string;
            AutoApproveAccessRequests: boolean;
            RateLimit: number;
            Quota: number;
        };
        Policy: {
            _id: string;
            id: string;
            /** @description The Dashboard organisation's id, the same for every policy */
            org_id: string;
            name: string;
            active: boolean;
            rate: number;
            per: number;
            quota_max: number;
            quota_renewal_rate: number;
            key_expires_in: number;
            tags: string[];
            meta_data: {
                [key: string]: unknown;
            };
            access_rights: {
                [key: string]: {
                    api_id?: string;
                    api_name?: string;
                    versions?: string[] | null;
                    allowed_urls?: ({
                        url: string;
                        methods: string[] | null;
                    } & {
                        [key: string]: unknown;
                    })[] | null;
                    limit?: ({
                        rate?: number;
                        per?: number;
                        quota_max?: number;
                        quota_renewal_rate?: number;
                    } & {
                        [key: string]: unknown;
                    }) | null;
                } & {
                    [key: string]: unknown;
                };
            };
            date_created: string;
            last_updated: string;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            enable_http_signature_validation?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            graphql_access_rights?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            hmac_enabled?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            is_inactive?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            max_query_depth?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            partitions?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            smoothing?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            state?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            throttle_interval?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            throttle_retry_limit?: unknown;
        };
        PolicyInput: {
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            enable_http_signature_validation?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            graphql_access_rights?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            hmac_enabled?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            is_inactive?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            max_query_depth?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            partitions?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            smoothing?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            state?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            throttle_interval?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            throttle_retry_limit?: unknown;
            name: string;
            active?: boolean;
            rate?: number;
            per?: number;
            quota_max?: number;
            quota_renewal_rate?: number;
            key_expires_in?: number;
            tags?: string[] | null;
            meta_data?: {
                [key: string]: unknown;
            } | null;
            access_rights?: {
                [key: string]: {
                    api_id?: string;
                    api_name?: string;
                    versions?: string[] | null;
                    allowed_urls?: ({
                        url: string;
                        methods: string[] | null;
                    } & {
                        [key: string]: unknown;
                    })[] | null;
                    limit?: ({
                        rate?: number;
                        per?: number;
                        quota_max?: number;
                        quota_renewal_rate?: number;
                    } & {
                        [key: string]: unknown;
                    }) | null;
                } & {
                    [key: string]: unknown;
                };
            } | null;
            _id?: string;
            id?: string;
            org_id?: string;
            date_created?: string;
            last_updated?: string;
        };
        PolicyList: {
            Data: components["schemas"]["Policy"][];
            Pages: number;
        };
        PortalAppearance: {
            /** @description The portal name in the header and the home page title (1 to 60 characters) */
            Name: string;
            /** @description A colour such as #1a73e8 for buttons and links; "" for the default */
            PrimaryColour: string;
            /** @description One of a short list of fonts every device has (no web font is loaded) */
            FontFamily: "system" | "helvetica" | "verdana" | "trebuchet" | "georgia" | "palatino";
            /** @description A stylesheet applied to every page of the Live Portal (at most 50000 characters), served as text/css */
            CustomCSS: string;
            /** @description Markdown shown on the home page above the catalogues (at most 20000 characters) */
            Introduction: string;
            /** @description Extra links in the portal's menu (at most 8) */
            MenuLinks: components["schemas"]["PortalMenuLink"][];
            Logo: components["schemas"]["PortalLogo"] | null;
            UpdatedAt: string;
        };
        /** @description An error of the Developer Portal API (Tyk `StatusWithErrors`) */
        PortalError: {
            /** @enum {string} */
            status: "error";
            errors: string[];
        };
        PortalLogo: {
            MediaType: string;
            /** @description Bytes */
            Size: number;
            /** @description Where the Live Portal loads it */
            URL: string;
        };
        PortalLogoUpload: {
            /** @description image/png, image/jpeg or image/svg+xml */
            MediaType: string;
            /** @description The file, base64-encoded (at most 256 KB once decoded) */
            Data: string;
        };
        PortalMenuLink: {
            /** @description The link text (1 to 40 characters) */
            Label: string;
            /** @description http(s)://… or a path on this site starting with / */
            URL: string;
        };
        PortalSettings: {
            /** @description Whether API consumers may register themselves (default true); invitations work either way */
            SelfRegistration: boolean;
            /** @description Auto-approve API consumers registering to the portal */
            AutoApproveConsumers: boolean;
            AdminNotificationEmail: "" | string;
            SenderEmail: "" | string;
            SMTPHost: string;
            SMTPPort: number;
            SMTPUsername: string;
            RegistrationRules: components["schemas"]["RegistrationRule"][];
            /** @description The password is write-only: this says whether one is stored */
            SMTPPasswordSet: boolean;
            UpdatedAt: string;
        };
        PortalTestEmailRequest: {
            /**
             * Format: email
             * @description Where the test email goes
             */
            to: string;
        };
        PortalTestEmailResult: {
            /** @enum {string} */
            Status: "OK";
            Message: string;
        };
        PortalUser: {
            ID: number;
            First: string;
            Last: string;
            Email: string;
            Role: string;
            /** @description 0 for staff */
            OrganisationID: number;
            Active: boolean;
            Provider: string;
            /** @description Organisation name; empty for staff */
            Organisation: string;
            Teams: components["schemas"]["TeamOfUser"][];
            ResetPassword: boolean;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            CreatedAt: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            UpdatedAt: string;
            LastLoginAt: string | null;
        };
        PortalUserCreate: {
            First: string;
            Last: string;
            /** Format: email */
            Email: string;
            /** @description super-admin, provider-admin, dashboard-user, consumer-admin, consumer-team-member */
            Role?: string;
            /** @description A consumer's organisation (default: the Default Organisation); 0 or absent for staff */
            OrganisationID?: number;
            Teams?: (number | string)[];
            /** @description Default false, as in the Admin Portal form */
            Active?: boolean;
            /** @description The user must change their password at the next sign-in */
            ResetPassword?: boolean;
            /** @description Initial password */
            Password?: string;
            /** @enum {string} */
            Provider?: "password";
        };
        PortalUserSummary: {
            ID: number;
            First: string;
            Last: string;
            Email: string;
            Role: string;
            /** @description 0 for staff */
            OrganisationID: number;
            Active: boolean;
            Provider: string;
        };
        PortalUserUpdate: {
            First?: string;
            Last?: string;
            /** Format: email */
            Email?: string;
            /** @description super-admin, provider-admin, dashboard-user, consumer-admin, consumer-team-member */
            Role?: string;
            OrganisationID?: number;
            Teams?: (number | string | ({
                ID: number;
            } & {
                [key: string]: unknown;
            }))[];
            Active?: boolean;
            ResetPassword?: boolean;
            /** @enum {string} */
            Provider?: "password";
            /** @description Read-only: accepted and ignored */
            ID?: unknown;
            /** @description Read-only: accepted and ignored */
            Organisation?: unknown;
            /** @description Read-only: accepted and ignored */
            CreatedAt?: unknown;
            /** @description Read-only: accepted and ignored */
            UpdatedAt?: unknown;
            /** @description Read-only: accepted and ignored */
            LastLoginAt?: unknown;
        };
        Post: {
            ID: string;
            Title: string;
            Lede: string;
            Content: string;
            /** @description Only published content is public */
            Status: "published" | "draft";
            Path: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            CreatedAt: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            UpdatedAt: string;
            /** @description When first published; null while never published */
            PublishedAt: string | null;
            /** @enum {boolean} */
            MarkdownEnabled: true;
        };
        PostSummary: {
            ID: number;
            Title: string;
            Lede: string;
            Content: string;
            /** @description Only published content is public */
            Status: "published" | "draft";
            Path: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            CreatedAt: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            UpdatedAt: string;
            /** @description When first published; null while never published */
            PublishedAt: string | null;
            /** @enum {boolean} */
            MarkdownEnabled: true;
        };
        Product: {
            ID: number;
            Name: string;
            DisplayName: string;
            Description: string;
            APIDetails: components["schemas"]["ApiDetail"][];
            Tags: string[];
            /** @description Names of the catalogues listing the product (as Tyk) */
            Catalogues: string[];
            CatalogueIDs: number[];
            /** @enum {boolean} */
            IsDocumentationOnly: false;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            CreatedAt: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            UpdatedAt: string;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            AuthType?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            CID?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            Content?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            DCREnabled?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            Feature?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            Path?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            Scopes?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            SpecDetails?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            Templates?: unknown;
        };
        ProductInput: {
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            AuthType?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            CID?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            Content?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            DCREnabled?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            Feature?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            Path?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            Scopes?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            SpecDetails?: unknown;
            /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
            Templates?: unknown;
            /** @description Unique, whatever the case */
            Name: string;
            /** @description Shown to consumers; defaults to Name */
            DisplayName?: string;
            /** @description Short description shown in the catalogue */
            Description?: string;
            /** @description The APIs the product exposes, in order */
            APIDetails?: components["schemas"]["ApiDetailInput"][];
            Tags?: string[];
            /** @description Ids of the catalogues listing the product. Names (as a GET shows them) only alongside CatalogueIDs, which then win */
            Catalogues?: (number | string)[];
            /** @description The ids as a GET shows them: when sent, they say the catalogues (Catalogues is then ignored) */
            CatalogueIDs?: number[];
            /** @description Accepted for Tyk compatibility; there is one provider */
            ProviderID?: number;
            /**
             * @description Accepted for Tyk compatibility; only false
             * @enum {boolean}
             */
            IsDocumentationOnly?: false;
            /** @description Read-only: accepted and ignored */
            ID?: unknown;
            /** @description Read-only: accepted and ignored */
            CreatedAt?: unknown;
            /** @description Read-only: accepted and ignored */
            UpdatedAt?: unknown;
        };
        ProductSummary: {
            ID: number;
            Name: string;
            DisplayName: string;
            Description: string;
            APIDetails: {
                APIID: string;
                Name: string;
                Status: boolean;
            }[];
            Tags: string[];
            /** @description Names of the catalogues listing the product (as in Product) */
            Catalogues: string[];
            CatalogueIDs: number[];
            /** @enum {boolean} */
            IsDocumentationOnly: false;
        };
        PublishedContent: {
            Title: string;
            Lede: string;
            Content: string;
            Path: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            PublishedAt: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            UpdatedAt: string;
        };
        RegistrationRule: {
            /** @description Email domain, e.g. acme.com */
            Domain: string;
            OrganisationID: number;
            TeamID: number;
            AutoApprove: boolean;
        };
        RotatedCredential: {
            /** @enum {string} */
            status: "ok";
            message: string;
            Credential: components["schemas"]["Credential"];
        };
        SSOProfile: {
            ID: string;
            Name: string;
            /** @description GenerateOrLoginUserProfile: staff, who land in the console; GenerateOrLoginDeveloperProfile: API consumers, who land in the Live Portal */
            ActionType: "GenerateOrLoginUserProfile" | "GenerateOrLoginDeveloperProfile";
            ProviderName: string;
            ProviderConfig: components["schemas"]["SSOProviderConfig"];
            CustomEmailField: string;
            CustomUserGroupField: string;
            UserGroupMapping: {
                [key: string]: string;
            };
            UserGroupSeparator: string;
            DefaultUserGroupID: string;
            SSOOnlyForRegisteredUsers: boolean;
            SSOOnly: boolean;
            ReturnURL: string;
            /** @description Read-only: the address that starts a sign-in with this profile */
            LoginURL: string;
            /** @description Read-only: the callback to register at the provider */
            RedirectURL: string;
            /** @enum {string} */
            SelectedProviderType: "openid-connect";
            /** @enum {string} */
            Type: "redirect";
            /** @description YYYY-MM-DD HH:MM (UTC) */
            UpdatedAt: string;
            UpdatedBy: string;
        };
        SSOProfileCreate: {
            /** @description The profile's key, chosen when it is created (letters, digits, "-" and "_"); part of its login address */
            ID: string;
            /** @description The profile's name, for administrators */
            Name: string;
            /** @description GenerateOrLoginUserProfile: staff, who land in the console; GenerateOrLoginDeveloperProfile: API consumers, who land in the Live Portal */
            ActionType: "GenerateOrLoginUserProfile" | "GenerateOrLoginDeveloperProfile";
            /** @description Shown on the sign-in pages: "Sign in with <ProviderName>" */
            ProviderName: string;
            /** @description The claim holding the email address (default email) */
            CustomEmailField?: string;
            /** @description The claim holding the groups (e.g. groups); empty: no group mapping */
            CustomUserGroupField?: string;
            /** @description Group claim value → a Dashboard user group id (staff profiles) or a team id (consumer profiles: the team's organisation follows). The first value of the claim that matches wins for staff; consumers join every matching team of the first match's organisation */
            UserGroupMapping?: {
                [key: string]: string;
            };
            /** @description Splits a group claim sent as one string (e.g. ","); lists are read as lists */
            UserGroupSeparator?: string;
            /** @description User group id (staff) or team id (consumers) when no group claim value matches; empty: none (consumers: the Default Organisation's default team) */
            DefaultUserGroupID?: string;
            /** @description Only accounts that already exist may sign in; nobody is created */
            SSOOnlyForRegisteredUsers?: boolean;
            /** @description Portcullis: password sign-in is refused for this profile's audience (staff or consumers) while any of its profiles says so; the sign-in pages offer the provider instead */
            SSOOnly?: boolean;
            /** @description Where users land after signing in: a path on this server (default: the console for staff, the dashboard for consumers) */
            ReturnURL?: string;
            ProviderConfig: {
                /** @description The provider's issuer, or its discovery document (https://…/.well-known/openid-configuration); https, or http on loopback only */
                DiscoveryURL: string;
                /** @description The client id registered at the provider */
                ClientID: string;
                /** @description Scopes asked of the provider; must include openid (default: openid, email, profile) */
                Scopes?: string[];
                /** @description Write-only: never returned; absent keeps the stored secret, "" removes it (a public client, PKCE only) */
                ClientSecret?: string;
                /** @description Ignored on input (what a read returned) */
                ClientSecretSet?: boolean;
            };
            OrgID?: string;
            Type?: string;
            SelectedProviderType?: string;
            LoginURL?: string;
            RedirectURL?: string;
            UpdatedAt?: string;
            UpdatedBy?: string;
        };
        SSOProfileIndexElem: {
            ID: string;
            Name: string;
            /** @description GenerateOrLoginUserProfile: staff, who land in the console; GenerateOrLoginDeveloperProfile: API consumers, who land in the Live Portal */
            ActionType: "GenerateOrLoginUserProfile" | "GenerateOrLoginDeveloperProfile";
            ProviderName: string;
            SSOOnly: boolean;
            /** @description Read-only: the address that starts a sign-in with this profile */
            LoginURL: string;
            /** @description Read-only: the callback to register at the provider */
            RedirectURL: string;
            /** @enum {string} */
            SelectedProviderType: "openid-connect";
            /** @enum {string} */
            Type: "redirect";
            /** @description YYYY-MM-DD HH:MM (UTC) */
            UpdatedAt: string;
            UpdatedBy: string;
        };
        SSOProfileTestResult: {
            /** @description Whether the discovery document was fetched and describes an OpenID provider this profile can use */
            Works: boolean;
            /** @description What was found, or what went wrong, in plain words */
            Message: string;
            Issuer?: string;
            AuthorizationEndpoint?: string;
        };
        SSOProfileUpdate: {
            /** @description The profile's key, chosen when it is created (letters, digits, "-" and "_"); part of its login address */
            ID?: string;
            /** @description The profile's name, for administrators */
            Name: string;
            /** @description GenerateOrLoginUserProfile: staff, who land in the console; GenerateOrLoginDeveloperProfile: API consumers, who land in the Live Portal */
            ActionType: "GenerateOrLoginUserProfile" | "GenerateOrLoginDeveloperProfile";
            /** @description Shown on the sign-in pages: "Sign in with <ProviderName>" */
            ProviderName: string;
            /** @description The claim holding the email address (default email) */
            CustomEmailField?: string;
            /** @description The claim holding the groups (e.g. groups); empty: no group mapping */
            CustomUserGroupField?: string;
            /** @description Group claim value → a Dashboard user group id (staff profiles) or a team id (consumer profiles: the team's organisation follows). The first value of the claim that matches wins for staff; consumers join every matching team of the first match's organisation */
            UserGroupMapping?: {
                [key: string]: string;
            };
            /** @description Splits a group claim sent as one string (e.g. ","); lists are read as lists */
            UserGroupSeparator?: string;
            /** @description User group id (staff) or team id (consumers) when no group claim value matches; empty: none (consumers: the Default Organisation's default team) */
            DefaultUserGroupID?: string;
            /** @description Only accounts that already exist may sign in; nobody is created */
            SSOOnlyForRegisteredUsers?: boolean;
            /** @description Portcullis: password sign-in is refused for this profile's audience (staff or consumers) while any of its profiles says so; the sign-in pages offer the provider instead */
            SSOOnly?: boolean;
            /** @description Where users land after signing in: a path on this server (default: the console for staff, the dashboard for consumers) */
            ReturnURL?: string;
            ProviderConfig: {
                /** @description The provider's issuer, or its discovery document (https://…/.well-known/openid-configuration); https, or http on loopback only */
                DiscoveryURL: string;
                /** @description The client id registered at the provider */
                ClientID: string;
                /** @description Scopes asked of the provider; must include openid (default: openid, email, profile) */
                Scopes?: string[];
                /** @description Write-only: never returned; absent keeps the stored secret, "" removes it (a public client, PKCE only) */
                ClientSecret?: string;
                /** @description Ignored on input (what a read returned) */
                ClientSecretSet?: boolean;
            };
            OrgID?: string;
            Type?: string;
            SelectedProviderType?: string;
            LoginURL?: string;
            RedirectURL?: string;
            UpdatedAt?: string;
            UpdatedBy?: string;
        };
        SSOProviderConfig: {
            /** @description The provider's issuer, or its discovery document (https://…/.well-known/openid-configuration); https, or http on loopback only */
            DiscoveryURL: string;
            /** @description The client id registered at the provider */
            ClientID: string;
            /** @description Scopes asked of the provider; must include openid (default: openid, email, profile) */
            Scopes: string[];
            /** @description Whether a client secret is stored (the secret itself is never returned) */
            ClientSecretSet: boolean;
        };
        SSOSignInOptions: {
            staff: {
                /** @description Password sign-in is switched off for this audience */
                SSOOnly: boolean;
                Providers: {
                    ID: string;
                    ProviderName: string;
                    /** @description A path on this server */
                    LoginURL: string;
                }[];
            };
            consumers: {
                /** @description Password sign-in is switched off for this audience */
                SSOOnly: boolean;
                Providers: {
                    ID: string;
                    ProviderName: string;
                    /** @description A path on this server */
                    LoginURL: string;
                }[];
            };
        };
        StatusOk: {
            /** @enum {string} */
            status: "ok";
        };
        StatusWithMessage: {
            /** @enum {string} */
            status: "ok";
            message: string;
        };
        Team: {
            ID: number;
            Name: string;
            Default: boolean;
            Users: string[];
            /** @description YYYY-MM-DD HH:MM (UTC) */
            CreatedAt: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            UpdatedAt: string;
        };
        TeamOfUser: {
            ID: number;
            Name: string;
            Default: boolean;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            CreatedAt: string;
            /** @description YYYY-MM-DD HH:MM (UTC) */
            UpdatedAt: string;
        };
        TeamSummary: {
            ID: number;
            Name: string;
            Default: boolean;
        };
        TeamUpdate: {
            Name: string;
            Users?: (number | string)[];
            /** @description Read-only: accepted and ignored */
            ID?: unknown;
            /** @description Read-only: accepted and ignored */
            Default?: unknown;
            /** @description Read-only: accepted and ignored */
            CreatedAt?: unknown;
            /** @description Read-only: accepted and ignored */
            UpdatedAt?: unknown;
        };
        User: {
            /** @description Numeric id, as a string */
            id: string;
            first_name: string;
            last_name: string;
            email_address: string;
            active: boolean;
            /** @description Section → read | write | deny; IsAdmin: admin makes a full administrator */
            user_permissions: {
                [key: string]: string;
            };
            /** @description The user group id, or "" for none */
            group_id: string;
            /** @description super-admin, provider-admin or dashboard-user */
            role: string;
            /** @description The Dashboard organisation's id: an installation is one organisation, so it is the same for every user */
            org_id: string;
            /** @description In full only in the reply that issues it (create, key reset, password change); afterwards its owner and administrators see its last four characters */
            access_key?: string;
            password_change_required: boolean;
            /** Format: date-time */
            created_at: string;
            /**
             * Format: date-time
             * @description The last sign-in; 0001-01-01T00:00:00Z (as Tyk sends a time never set) for none yet
             */
            last_login_date: string;
            /**
             * Format: date-time
             * @description When the password was last set; 0001-01-01T00:00:00Z for never
             */
            password_updated: string;
            /** @description Tyk's password expiry in days; always 0 (passwords do not expire) */
            password_max_days: number;
            /** @description Always empty, as Tyk sends it */
            api_model: Record<string, never>;
        };
        UserGroup: {
            id: string;
            name: string;
            description: string;
            active: boolean;
            /** @description Section → read | write | deny; IsAdmin: admin makes a full administrator */
            user_permissions: {
                [key: string]: string;
            };
            /** @description The Dashboard organisation's id, the same for every group */
            org_id: string;
            /** @description Tyk's password expiry in days; always 0 (passwords do not expire) */
            password_max_days: number;
        };
        UserGroupInput: {
            name: string;
            description?: string;
            active?: boolean;
            /** @description Section → read | write | deny; IsAdmin: admin makes a full administrator */
            user_permissions?: {
                [key: string]: string;
            };
            id?: string;
            org_id?: string;
            password_max_days?: number;
        };
        UserGroupList: {
            groups: components["schemas"]["UserGroup"][];
            pages: number;
        };
        UserInput: {
            first_name: string;
            last_name: string;
            /** Format: email */
            email_address: string;
            password?: string;
            active?: boolean;
            /** @description Section → read | write | deny; IsAdmin: admin makes a full administrator */
            user_permissions?: {
                [key: string]: string;
            };
            group_id?: string;
            password_change_required?: boolean;
            id?: string;
            role?: string;
            access_key?: string;
            created_at?: string;
            last_login_date?: string;
            password_updated?: string;
            org_id?: string;
            api_model?: Record<string, never>;
            password_max_days?: number;
        };
        UserList: {
            users: components["schemas"]["User"][];
            pages: number;
        };
        UserSearch: {
            filters: {
                query?: string;
            };
            api_model?: Record<string, never>;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    searchUsers: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserSearch"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getCurrentUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    first_name?: string;
                    last_name?: string;
                    /** Format: email */
                    email_address?: string;
                    active?: boolean;
                    /** @description Section → read | write | deny; IsAdmin: admin makes a full administrator */
                    user_permissions?: {
                        [key: string]: string;
                    };
                    group_id?: string;
                    password_change_required?: boolean;
                    id?: string;
                    role?: string;
                    access_key?: string;
                    created_at?: string;
                    last_login_date?: string;
                    password_updated?: string;
                    org_id?: string;
                    api_model?: Record<string, never>;
                    password_max_days?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteUser: {
        parameters: {
            query?: {
                /** @description User who takes over the APIs of the deleted owner */
                successor_user?: string;
                /** @description User group that takes over the APIs of the deleted owner */
                successor_group?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    resetUserAccessKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    setUserPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    revokeUserAccess: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    listUserGroups: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserGroupList"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    createUserGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserGroupInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getUserGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserGroup"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    updateUserGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string;
                    active?: boolean;
                    /** @description Section → read | write | deny; IsAdmin: admin makes a full administrator */
                    user_permissions?: {
                        [key: string]: string;
                    };
                    id?: string;
                    org_id?: string;
                    password_max_days?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteUserGroup: {
        parameters: {
            query?: {
                /** @description User who takes over the APIs of the deleted owner */
                successor_user?: string;
                /** @description User group that takes over the APIs of the deleted owner */
                successor_group?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    listAuditLogs: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
                /** @description Email of the user who acted */
                user?: string;
                /** @description e.g. user.create, login.failed */
                action?: string;
                ip?: string;
                /** @description The kind of object the entry is about: user, user_group, api, policy, key, … */
                target_type?: string;
                /** @description The id of the object the entry is about (with target_type) */
                target_id?: string;
                /** @description YYYY-MM-DD (UTC), inclusive */
                from_date?: string;
                /** @description YYYY-MM-DD (UTC), inclusive */
                to_date?: string;
                /** @description csv downloads every matching entry */
                type?: "csv" | "json";
                download?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entries (JSON), or with type=csv every matching entry as a CSV download */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        audit_logs: {
                            _id: string;
                            req_id: string;
                            /** @description The Dashboard organisation's id, the same for every entry */
                            org_id: string;
                            date: string;
                            timestamp: number;
                            ip: string;
                            user: string;
                            action: string;
                            method: string;
                            url: string;
                            status: number;
                            target_type: string;
                            target_id: string;
                            changes: {
                                [key: string]: unknown;
                            };
                        }[];
                        pages: number;
                    };
                    "text/csv": string;
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getAuditLog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        _id: string;
                        req_id: string;
                        /** @description The Dashboard organisation's id, the same for every entry */
                        org_id: string;
                        date: string;
                        timestamp: number;
                        ip: string;
                        user: string;
                        action: string;
                        method: string;
                        url: string;
                        status: number;
                        target_type: string;
                        target_id: string;
                        changes: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    listApis: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
                /** @description Substring of the name, case-insensitive */
                q?: string;
                /** @description Default -created_at */
                sort?: "name" | "-name" | "created_at" | "-created_at" | "updated_at" | "-updated_at";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiList"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    createApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    searchApis: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
                /** @description Substring of the name, case-insensitive */
                q?: string;
                /** @description Default -created_at */
                sort?: "name" | "-name" | "created_at" | "-created_at" | "updated_at" | "-updated_at";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiList"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getApi: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                apiId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Api"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    updateApi: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                apiId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteApi: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                apiId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getApiAccess: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                apiId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiAccess"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    updateApiAccess: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                apiId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiAccess"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    listOasApis: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
                /** @description Substring of the name, case-insensitive */
                q?: string;
                /** @description Default -created_at */
                sort?: "name" | "-name" | "created_at" | "-created_at" | "updated_at" | "-updated_at";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiList"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    createOasApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OasApiInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getOasApi: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                apiId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OasApiDocument"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    updateOasApi: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                apiId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OasApiInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteOasApi: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                apiId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    patchOasApi: {
        parameters: {
            query?: {
                /** @description x-tyk-api-gateway.upstream.url (default: the first absolute server URL) */
                upstreamURL?: string;
                /** @description x-tyk-api-gateway.server.listenPath.value (default: from info.title) */
                listenPath?: string;
                /** @description x-tyk-api-gateway.server.authentication.enabled */
                authentication?: boolean;
                /** @description Not supported: a non-empty value is refused */
                customDomain?: string;
                /** @description Not supported: true is refused */
                allowList?: boolean;
                /** @description Not supported: true is refused */
                validateRequest?: boolean;
                /** @description Not supported: true is refused */
                mockResponse?: boolean;
            };
            header?: never;
            path: {
                apiId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OasApiImport"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    importOasApi: {
        parameters: {
            query?: {
                /** @description x-tyk-api-gateway.upstream.url (default: the first absolute server URL) */
                upstreamURL?: string;
                /** @description x-tyk-api-gateway.server.listenPath.value (default: from info.title) */
                listenPath?: string;
                /** @description x-tyk-api-gateway.server.authentication.enabled */
                authentication?: boolean;
                /** @description Not supported: a non-empty value is refused */
                customDomain?: string;
                /** @description Not supported: true is refused */
                allowList?: boolean;
                /** @description Not supported: true is refused */
                validateRequest?: boolean;
                /** @description Not supported: true is refused */
                mockResponse?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OasApiImport"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    exportOasApi: {
        parameters: {
            query?: {
                /** @description public: without x-tyk-api-gateway */
                mode?: "public";
            };
            header?: never;
            path: {
                apiId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document, as a download */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OasApiDocument"];
                    "application/x-yaml": string;
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    listPolicies: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyList"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    createPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PolicyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    searchPolicies: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
                /** @description A policy id, or a substring of the name (case-insensitive) */
                q?: string;
                /** @description Comma-separated policy ids */
                policy_ids?: string;
                /** @description Any value: active policies only */
                active?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyList"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    updatePolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PolicyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deletePolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    listKeys: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyList"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    createKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KeyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedKey"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    listKeysDetailed: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
                /** @description Part of the key hash, case-insensitive */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeysDetailed"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getKey: {
        parameters: {
            query?: {
                /** @description Any non-empty value: {keyId} is the key's hash only (as in Tyk). Without it, the key or its hash */
                hashed?: string;
                /** @description Accepted for Tyk clients: {keyId} is always tried as the key and as its hash */
                auto_guess?: string;
            };
            header?: never;
            path: {
                /** @description The key itself or its hash */
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyData"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    updateKey: {
        parameters: {
            query?: {
                /** @description Any non-empty value: {keyId} is the key's hash only (as in Tyk). Without it, the key or its hash */
                hashed?: string;
                /** @description Accepted for Tyk clients: {keyId} is always tried as the key and as its hash */
                auto_guess?: string;
                /** @description Accepted for Tyk clients; a key change never resets its quota counter here */
                suppress_reset?: string;
            };
            header?: never;
            path: {
                /** @description The key itself or its hash */
                keyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KeyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyData"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteKey: {
        parameters: {
            query?: {
                /** @description Any non-empty value: {keyId} is the key's hash only (as in Tyk). Without it, the key or its hash */
                hashed?: string;
                /** @description Accepted for Tyk clients: {keyId} is always tried as the key and as its hash */
                auto_guess?: string;
            };
            header?: never;
            path: {
                /** @description The key itself or its hash */
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
            };
            header?: never;
            path: {
                apiId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyList"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getApiKey: {
        parameters: {
            query?: {
                /** @description Any non-empty value: {keyId} is the key's hash only (as in Tyk). Without it, the key or its hash */
                hashed?: string;
                /** @description Accepted for Tyk clients: {keyId} is always tried as the key and as its hash */
                auto_guess?: string;
            };
            header?: never;
            path: {
                apiId: string;
                /** @description The key itself or its hash */
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyData"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    deleteApiKey: {
        parameters: {
            query?: {
                /** @description Any non-empty value: {keyId} is the key's hash only (as in Tyk). Without it, the key or its hash */
                hashed?: string;
                /** @description Accepted for Tyk clients: {keyId} is always tried as the key and as its hash */
                auto_guess?: string;
            };
            header?: never;
            path: {
                apiId: string;
                /** @description The key itself or its hash */
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getApiUsage: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
                /** @description Time buckets: time series default to day; breakdowns without res give totals over the range */
                res?: "hour" | "day";
            };
            header?: never;
            path: {
                startDay: number;
                startMonth: number;
                startYear: number;
                endDay: number;
                endMonth: number;
                endYear: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: {
                                api_id: string;
                                api_name: string;
                                time?: string;
                            };
                            hits: number;
                            success: number;
                            error: number;
                            status_2xx: number;
                            status_3xx: number;
                            status_4xx: number;
                            status_5xx: number;
                            /** @description Mean request time, ms */
                            latency: number;
                            /** @description Mean upstream time, ms */
                            upstream_latency: number;
                        }[];
                        pages: number;
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getApiUsageOfApi: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
                /** @description Time buckets: time series default to day; breakdowns without res give totals over the range */
                res?: "hour" | "day";
            };
            header?: never;
            path: {
                apiId: string;
                startDay: number;
                startMonth: number;
                startYear: number;
                endDay: number;
                endMonth: number;
                endYear: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: {
                                time: string;
                                api_id: string;
                            };
                            hits: number;
                            success: number;
                            error: number;
                            status_2xx: number;
                            status_3xx: number;
                            status_4xx: number;
                            status_5xx: number;
                            /** @description Mean request time, ms */
                            latency: number;
                            /** @description Mean upstream time, ms */
                            upstream_latency: number;
                        }[];
                        pages: number;
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getErrorUsage: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
                /** @description Time buckets: time series default to day; breakdowns without res give totals over the range */
                res?: "hour" | "day";
            };
            header?: never;
            path: {
                startDay: number;
                startMonth: number;
                startYear: number;
                endDay: number;
                endMonth: number;
                endYear: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: {
                                time: string;
                            };
                            hits: number;
                            success: number;
                            error: number;
                            status_2xx: number;
                            status_3xx: number;
                            status_4xx: number;
                            status_5xx: number;
                            /** @description Mean request time, ms */
                            latency: number;
                            /** @description Mean upstream time, ms */
                            upstream_latency: number;
                        }[];
                        pages: number;
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getKeyUsage: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
                /** @description Time buckets: time series default to day; breakdowns without res give totals over the range */
                res?: "hour" | "day";
            };
            header?: never;
            path: {
                startDay: number;
                startMonth: number;
                startYear: number;
                endDay: number;
                endMonth: number;
                endYear: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: {
                                api_key: string;
                                alias: string;
                                time?: string;
                            };
                            hits: number;
                            success: number;
                            error: number;
                            status_2xx: number;
                            status_3xx: number;
                            status_4xx: number;
                            status_5xx: number;
                            /** @description Mean request time, ms */
                            latency: number;
                            /** @description Mean upstream time, ms */
                            upstream_latency: number;
                        }[];
                        pages: number;
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getEndpointUsage: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
                /** @description Time buckets: time series default to day; breakdowns without res give totals over the range */
                res?: "hour" | "day";
            };
            header?: never;
            path: {
                startDay: number;
                startMonth: number;
                startYear: number;
                endDay: number;
                endMonth: number;
                endYear: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: {
                                api_id: string;
                                api_name: string;
                                method: string;
                                path: string;
                                time?: string;
                            };
                            hits: number;
                            success: number;
                            error: number;
                            status_2xx: number;
                            status_3xx: number;
                            status_4xx: number;
                            status_5xx: number;
                            /** @description Mean request time, ms */
                            latency: number;
                            /** @description Mean upstream time, ms */
                            upstream_latency: number;
                        }[];
                        pages: number;
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getKeyActivity: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
                /** @description Time buckets: time series default to day; breakdowns without res give totals over the range */
                res?: "hour" | "day";
            };
            header?: never;
            path: {
                keyHash: string;
                startDay: number;
                startMonth: number;
                startYear: number;
                endDay: number;
                endMonth: number;
                endYear: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: {
                                key: string;
                                api_id: string;
                                api_name: string;
                                method: string;
                                path: string;
                                /** @description The hour or day of the row, with res */
                                time?: string;
                            };
                            hits: number;
                            success: number;
                            error: number;
                            status_2xx: number;
                            status_3xx: number;
                            status_4xx: number;
                            status_5xx: number;
                            /** @description Mean request time, ms */
                            latency: number;
                            /** @description Mean upstream time, ms */
                            upstream_latency: number;
                            max_latency: number;
                            min_latency: number;
                            /** Format: date-time */
                            last_hit: string;
                        }[];
                        pages: number;
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getKeysActivity: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
                /** @description Time buckets: time series default to day; breakdowns without res give totals over the range */
                res?: "hour" | "day";
            };
            header?: never;
            path: {
                keys: string;
                startDay: number;
                startMonth: number;
                startYear: number;
                endDay: number;
                endMonth: number;
                endYear: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: {
                                key: string;
                                alias: string;
                                /** @description The hour or day of the row, with res */
                                time?: string;
                            };
                            hits: number;
                            success: number;
                            error: number;
                            status_2xx: number;
                            status_3xx: number;
                            status_4xx: number;
                            status_5xx: number;
                            /** @description Mean request time, ms */
                            latency: number;
                            /** @description Mean upstream time, ms */
                            upstream_latency: number;
                        }[];
                        pages: number;
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getApisActivity: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
                /** @description Time buckets: time series default to day; breakdowns without res give totals over the range */
                res?: "hour" | "day";
            };
            header?: never;
            path: {
                apiIds: string;
                startDay: number;
                startMonth: number;
                startYear: number;
                endDay: number;
                endMonth: number;
                endYear: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: {
                                api_id: string;
                                api_name: string;
                                /** @description The hour or day of the row, with res */
                                time?: string;
                            };
                            hits: number;
                            success: number;
                            error: number;
                            status_2xx: number;
                            status_3xx: number;
                            status_4xx: number;
                            status_5xx: number;
                            /** @description Mean request time, ms */
                            latency: number;
                            /** @description Mean upstream time, ms */
                            upstream_latency: number;
                        }[];
                        pages: number;
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getMcpPrimitiveActivity: {
        parameters: {
            query?: {
                /** @description Only this API (one you cannot see is 404) */
                api_id?: string;
                /** @description Only this JSON-RPC method (tools/call, resources/read, prompts/get, initialize, …) */
                mcp_method?: string;
                /** @description Only calls of this kind of primitive */
                mcp_primitive_type?: "tool" | "resource" | "prompt";
                /** @description Only this primitive (a tool's or prompt's name, a resource's URI) */
                mcp_primitive_name?: string;
                /** @description One row per API, method and primitive (without it, one row per API) */
                group_by?: "mcp_primitive";
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
                /** @description Time buckets: time series default to day; breakdowns without res give totals over the range */
                res?: "hour" | "day";
                /** @description The busiest `limit` rows, on one page (instead of p) */
                limit?: number;
            };
            header?: never;
            path: {
                startDay: number;
                startMonth: number;
                startYear: number;
                endDay: number;
                endMonth: number;
                endYear: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: {
                                api_id: string;
                                api_name: string;
                                /** @description The key hash (per-key view) */
                                key?: string;
                                /** @description With group_by=mcp_primitive */
                                mcp_method?: string;
                                /** @description With group_by=mcp_primitive: tool, resource, prompt, or '' for a method that invokes none */
                                mcp_primitive_type?: string;
                                /** @description With group_by=mcp_primitive */
                                mcp_primitive_name?: string;
                                /** @description The hour or day of the row, with res */
                                time?: string;
                            };
                            hits: number;
                            success: number;
                            error: number;
                            status_2xx: number;
                            status_3xx: number;
                            status_4xx: number;
                            status_5xx: number;
                            /** @description Mean request time, ms */
                            latency: number;
                            /** @description Mean upstream time, ms */
                            upstream_latency: number;
                            /** @description Mean request time, ms (as latency) */
                            request_time: number;
                            max_latency: number;
                            min_latency: number;
                            max_upstream_latency: number;
                            min_upstream_latency: number;
                            /** Format: date-time */
                            last_hit: string;
                        }[];
                        pages: number;
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getMcpPrimitiveErrors: {
        parameters: {
            query?: {
                /** @description Only this API (one you cannot see is 404) */
                api_id?: string;
                /** @description Only this JSON-RPC method (tools/call, resources/read, prompts/get, initialize, …) */
                mcp_method?: string;
                /** @description Only calls of this kind of primitive */
                mcp_primitive_type?: "tool" | "resource" | "prompt";
                /** @description Only this primitive (a tool's or prompt's name, a resource's URI) */
                mcp_primitive_name?: string;
                /** @description One row per API, method and primitive (without it, one row per API) */
                group_by?: "mcp_primitive";
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
                /** @description Time buckets: time series default to day; breakdowns without res give totals over the range */
                res?: "hour" | "day";
            };
            header?: never;
            path: {
                startDay: number;
                startMonth: number;
                startYear: number;
                endDay: number;
                endMonth: number;
                endYear: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: {
                                api_id: string;
                                api_name: string;
                                /** @description The key hash (per-key view) */
                                key?: string;
                                /** @description With group_by=mcp_primitive */
                                mcp_method?: string;
                                /** @description With group_by=mcp_primitive: tool, resource, prompt, or '' for a method that invokes none */
                                mcp_primitive_type?: string;
                                /** @description With group_by=mcp_primitive */
                                mcp_primitive_name?: string;
                                /** @description The hour or day of the row, with res */
                                time?: string;
                            };
                            hits: number;
                            success: number;
                            error: number;
                            status_2xx: number;
                            status_3xx: number;
                            status_4xx: number;
                            status_5xx: number;
                            /** @description Mean request time, ms */
                            latency: number;
                            /** @description Mean upstream time, ms */
                            upstream_latency: number;
                            /** @description Mean request time, ms (as latency) */
                            request_time: number;
                            max_latency: number;
                            min_latency: number;
                            max_upstream_latency: number;
                            min_upstream_latency: number;
                            /** Format: date-time */
                            last_hit: string;
                        }[];
                        pages: number;
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getMcpKeyActivity: {
        parameters: {
            query?: {
                /** @description Only this JSON-RPC method (tools/call, resources/read, prompts/get, initialize, …) */
                mcp_method?: string;
                /** @description Only calls of this kind of primitive */
                mcp_primitive_type?: "tool" | "resource" | "prompt";
                /** @description Only this primitive (a tool's or prompt's name, a resource's URI) */
                mcp_primitive_name?: string;
                /** @description One row per API, method and primitive (without it, one row per API) */
                group_by?: "mcp_primitive";
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
                /** @description Time buckets: time series default to day; breakdowns without res give totals over the range */
                res?: "hour" | "day";
            };
            header?: never;
            path: {
                keyId: string;
                startDay: number;
                startMonth: number;
                startYear: number;
                endDay: number;
                endMonth: number;
                endYear: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: {
                                api_id: string;
                                api_name: string;
                                /** @description The key hash (per-key view) */
                                key?: string;
                                /** @description With group_by=mcp_primitive */
                                mcp_method?: string;
                                /** @description With group_by=mcp_primitive: tool, resource, prompt, or '' for a method that invokes none */
                                mcp_primitive_type?: string;
                                /** @description With group_by=mcp_primitive */
                                mcp_primitive_name?: string;
                                /** @description The hour or day of the row, with res */
                                time?: string;
                            };
                            hits: number;
                            success: number;
                            error: number;
                            status_2xx: number;
                            status_3xx: number;
                            status_4xx: number;
                            status_5xx: number;
                            /** @description Mean request time, ms */
                            latency: number;
                            /** @description Mean upstream time, ms */
                            upstream_latency: number;
                            /** @description Mean request time, ms (as latency) */
                            request_time: number;
                            max_latency: number;
                            min_latency: number;
                            max_upstream_latency: number;
                            min_upstream_latency: number;
                            /** Format: date-time */
                            last_hit: string;
                        }[];
                        pages: number;
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getOauthClientActivity: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
                /** @description Time buckets: time series default to day; breakdowns without res give totals over the range */
                res?: "hour" | "day";
            };
            header?: never;
            path: {
                clientId: string;
                startDay: number;
                startMonth: number;
                startYear: number;
                endDay: number;
                endMonth: number;
                endYear: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: {
                                api_id: string;
                                api_name: string;
                                oauth_id: string;
                                /** @description The hour or day of the row, with res */
                                time?: string;
                            };
                            hits: number;
                            success: number;
                            error: number;
                            status_2xx: number;
                            status_3xx: number;
                            status_4xx: number;
                            status_5xx: number;
                            /** @description Mean request time, ms */
                            latency: number;
                            /** @description Mean upstream time, ms */
                            upstream_latency: number;
                        }[];
                        pages: number;
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    listPortalRequests: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
                /** @description true: approved requests only; false: pending ones only */
                approved?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        Data: {
                            id: string;
                            org_id: string;
                            /** @description The app owner's user id */
                            by_user: string;
                            /** @description The backing policy (deprecated in Tyk, kept for old clients) */
                            for_plan: string;
                            /** @description The backing policy of the product and plan */
                            apply_policies: string[];
                            fields: {
                                [key: string]: string;
                            };
                            approved: boolean;
                            status: "pending" | "approved" | "rejected";
                            date_created: string;
                            date_approved: string | null;
                            version: string;
                            jwt_secret: string;
                            portal_developer: {
                                id: string;
                                email: string;
                                date_created: string;
                                inactive: boolean;
                                /** @description The consumer's portal organisation */
                                org_id: string;
                            };
                            catalogue_entry: {
                                name: string;
                                short_description: string;
                                show: boolean;
                                policy_id: string;
                                version: string;
                            };
                            app_id: number;
                            app_name: string;
                            product_id: number;
                            plan_id: number;
                            plan_name: string;
                            /** @description How many credentials were issued */
                            credentials: number;
                        }[];
                        Pages: number;
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getPortalRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        org_id: string;
                        /** @description The app owner's user id */
                        by_user: string;
                        /** @description The backing policy (deprecated in Tyk, kept for old clients) */
                        for_plan: string;
                        /** @description The backing policy of the product and plan */
                        apply_policies: string[];
                        fields: {
                            [key: string]: string;
                        };
                        approved: boolean;
                        status: "pending" | "approved" | "rejected";
                        date_created: string;
                        date_approved: string | null;
                        version: string;
                        jwt_secret: string;
                        portal_developer: {
                            id: string;
                            email: string;
                            date_created: string;
                            inactive: boolean;
                            /** @description The consumer's portal organisation */
                            org_id: string;
                        };
                        catalogue_entry: {
                            name: string;
                            short_description: string;
                            show: boolean;
                            policy_id: string;
                            version: string;
                        };
                        app_id: number;
                        app_name: string;
                        product_id: number;
                        plan_id: number;
                        plan_name: string;
                        /** @description How many credentials were issued */
                        credentials: number;
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    approvePortalRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    recordAnalytics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    records: {
                        /** Format: date-time */
                        timestamp: string;
                        api_id: string;
                        method: string;
                        path: string;
                        response_code: number;
                        request_time: number;
                        upstream_time: number;
                        api_key?: string;
                        ip_address: string;
                        content_length: number;
                        /** @description MCP APIs: the JSON-RPC method called (tools/call, …) */
                        mcp_method?: string;
                        /** @description MCP APIs: the primitive the method invokes, if any */
                        mcp_primitive_type?: "" | "tool" | "resource" | "prompt";
                        /** @description MCP APIs: the tool's or prompt's name, the resource's URI */
                        mcp_primitive_name?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    adminListUsers: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647); -1 returns everything */
                p?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    adminCreateUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    adminGetUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    adminUpdateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    first_name?: string;
                    last_name?: string;
                    /** Format: email */
                    email_address?: string;
                    active?: boolean;
                    /** @description Section → read | write | deny; IsAdmin: admin makes a full administrator */
                    user_permissions?: {
                        [key: string]: string;
                    };
                    group_id?: string;
                    password_change_required?: boolean;
                    id?: string;
                    role?: string;
                    access_key?: string;
                    created_at?: string;
                    last_login_date?: string;
                    password_updated?: string;
                    org_id?: string;
                    api_model?: Record<string, never>;
                    password_max_days?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    adminDeleteUser: {
        parameters: {
            query?: {
                /** @description User who takes over the APIs of the deleted owner */
                successor_user?: string;
                /** @description User group that takes over the APIs of the deleted owner */
                successor_group?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    adminListOrganisations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminOrganisationList"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    adminCreateOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    adminGetOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminOrganisation"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    adminUpdateOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    adminDeleteOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email?: string;
                    /** @description Form field name for the email */
                    login?: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Default Response */
            303: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    registerConsumer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    first: string;
                    last: string;
                    /** Format: email */
                    email: string;
                    password: string;
                    password_confirmation: string;
                    /** @description The token of a consumer-admin's invitation */
                    invite?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Default Response */
            303: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Default Response */
            303: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    password: string;
                    password_confirmation: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Default Response */
            303: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiResponse"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getSsoSignInOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SSOSignInOptions"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardError"];
                };
            };
        };
    };
    getBootstrapStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Whether the first administrator exists */
                        bootstrapped: boolean;
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    bootstrapPortal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @description The administrator's email
                     */
                    username: string;
                    password: string;
                    first_name: string;
                    last_name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        code: "OK";
                        message: string;
                        data: {
                            api_token: string;
                        };
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    listOrganisations: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647) */
                page?: number;
                /** @description Items per page (default 20) */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationSummary"][];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    createOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NameInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    updateOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganisationUpdate"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    deleteOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    listTeams: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647) */
                page?: number;
                /** @description Items per page (default 20) */
                per_page?: number;
            };
            header?: never;
            path: {
                organisationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamSummary"][];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    createTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NameInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Team"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisationId: string;
                teamId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Team"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    updateTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisationId: string;
                teamId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TeamUpdate"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Team"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    deleteTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisationId: string;
                teamId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getAdminReview: {
        parameters: {
            query?: {
                format?: "json" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The review (JSON), or with format=csv the same rows as a CSV download */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        users: {
                            ID: number;
                            Email: string;
                            First: string;
                            Last: string;
                            Role: string;
                            Permissions: {
                                [key: string]: string;
                            };
                            Group: {
                                ID: number;
                                Name: string;
                            } | null;
                            Active: boolean;
                            CreatedBy: string | null;
                            CreatedAt: string;
                            LastLoginAt: string | null;
                            OwnedAPIs: {
                                api_id: string;
                                name: string;
                                via: string;
                            }[];
                        }[];
                    };
                    "text/csv": string;
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getPortalSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalSettings"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    updatePortalSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Whether API consumers may register themselves (default true); invitations work either way */
                    SelfRegistration?: boolean;
                    /** @description Auto-approve API consumers registering to the portal */
                    AutoApproveConsumers?: boolean;
                    AdminNotificationEmail?: "" | string;
                    SenderEmail?: "" | string;
                    SMTPHost?: string;
                    SMTPPort?: number;
                    SMTPUsername?: string;
                    RegistrationRules?: components["schemas"]["RegistrationRule"][];
                    SMTPPassword?: string;
                    SMTPPasswordSet?: boolean;
                    UpdatedAt?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalSettings"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    sendPortalTestEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PortalTestEmailRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalTestEmailResult"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getPortalAppearance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalAppearance"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    updatePortalAppearance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The portal name in the header and the home page title (1 to 60 characters) */
                    Name?: string;
                    /** @description A colour such as #1a73e8 for buttons and links; "" for the default */
                    PrimaryColour?: string;
                    /** @description One of a short list of fonts every device has (no web font is loaded) */
                    FontFamily?: "system" | "helvetica" | "verdana" | "trebuchet" | "georgia" | "palatino";
                    /** @description A stylesheet applied to every page of the Live Portal (at most 50000 characters), served as text/css */
                    CustomCSS?: string;
                    /** @description Markdown shown on the home page above the catalogues (at most 20000 characters) */
                    Introduction?: string;
                    /** @description Extra links in the portal's menu (at most 8) */
                    MenuLinks?: components["schemas"]["PortalMenuLink"][];
                    /** @description An upload sets the logo, null removes it; the logo as a GET shows it (PortalLogo) leaves it as it is */
                    Logo?: components["schemas"]["PortalLogoUpload"] | null | components["schemas"]["PortalLogo"];
                    /** @description Read-only: accepted and ignored */
                    UpdatedAt?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalAppearance"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    listPortalUsers: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647) */
                page?: number;
                /** @description Items per page (default 20) */
                per_page?: number;
                role?: "super-admin" | "provider-admin" | "dashboard-user" | "consumer-admin" | "consumer-team-member";
                /** @description consumer: API consumers only (both consumer roles); staff: administrators and Dashboard users only */
                kind?: "consumer" | "staff";
                organisation?: number;
                team?: number;
                active?: boolean;
                /** @description Search in names and email */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalUserSummary"][];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    createPortalUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PortalUserCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalUser"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    invitePortalConsumer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @description Where the registration link goes
                     */
                    Email: string;
                    /** @description The organisation the person joins on registering */
                    OrganisationID: number;
                    /** @description One of that organisation's teams; its default team when absent */
                    TeamID?: number;
                    /** @description consumer-team-member when absent */
                    Role?: "consumer-admin" | "consumer-team-member";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getPortalUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalUser"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    updatePortalUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PortalUserUpdate"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalUser"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    deletePortalUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    listPosts: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647) */
                page?: number;
                /** @description Items per page (default 20) */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostSummary"][];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    createPost: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContentInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Post"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getPost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Post"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    updatePost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Title */
                    Title?: string;
                    /** @description URL path, unique per kind: lowercase letters, digits, - and _, in segments separated by /; one leading / is dropped. A page (served at /<path>) cannot start with a segment of the portal's own addresses: admin, api, assets, auth, blog, gateway, health, metrics, portal, portal-api */
                    Path?: string;
                    /** @description Only published content is public */
                    Status?: "published" | "draft";
                    /** @description Markdown, returned as stored (never rendered to HTML by the server) */
                    Content?: string;
                    /** @description Short summary shown in lists */
                    Lede?: string;
                    /** @description Accepted for Tyk compatibility: content is always Markdown, so only true is accepted */
                    MarkdownEnabled?: boolean;
                    /** @description Read-only: accepted and ignored */
                    ID?: unknown;
                    /** @description Read-only: accepted and ignored */
                    CreatedAt?: unknown;
                    /** @description Read-only: accepted and ignored */
                    UpdatedAt?: unknown;
                    /** @description Read-only: accepted and ignored */
                    PublishedAt?: unknown;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Post"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    deletePost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    listPages: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647) */
                page?: number;
                /** @description Items per page (default 20) */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"][];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    createPage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContentInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getPage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    updatePage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Title */
                    Title?: string;
                    /** @description URL path, unique per kind: lowercase letters, digits, - and _, in segments separated by /; one leading / is dropped. A page (served at /<path>) cannot start with a segment of the portal's own addresses: admin, api, assets, auth, blog, gateway, health, metrics, portal, portal-api */
                    Path?: string;
                    /** @description Only published content is public */
                    Status?: "published" | "draft";
                    /** @description Markdown, returned as stored (never rendered to HTML by the server) */
                    Content?: string;
                    /** @description Short summary shown in lists */
                    Lede?: string;
                    /** @description Accepted for Tyk compatibility: content is always Markdown, so only true is accepted */
                    MarkdownEnabled?: boolean;
                    /** @description Read-only: accepted and ignored */
                    ID?: unknown;
                    /** @description Read-only: accepted and ignored */
                    CreatedAt?: unknown;
                    /** @description Read-only: accepted and ignored */
                    UpdatedAt?: unknown;
                    /** @description Read-only: accepted and ignored */
                    PublishedAt?: unknown;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    deletePage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    listCatalogues: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647) */
                page?: number;
                /** @description Items per page (default 20) */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueSummary"][];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    createCatalogue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CatalogueInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Catalogue"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getCatalogue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                catalogueId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Catalogue"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    updateCatalogue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                catalogueId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CatalogueUpdate"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Catalogue"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    deleteCatalogue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                catalogueId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    listProducts: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647) */
                page?: number;
                /** @description Items per page (default 20) */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductSummary"][];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    createProduct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    updateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
                    AuthType?: unknown;
                    /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
                    CID?: unknown;
                    /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
                    Content?: unknown;
                    /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
                    DCREnabled?: unknown;
                    /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
                    Feature?: unknown;
                    /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
                    Path?: unknown;
                    /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
                    Scopes?: unknown;
                    /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
                    SpecDetails?: unknown;
                    /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
                    Templates?: unknown;
                    /** @description Unique, whatever the case */
                    Name?: string;
                    /** @description Shown to consumers; defaults to Name */
                    DisplayName?: string;
                    /** @description Short description shown in the catalogue */
                    Description?: string;
                    /** @description The APIs the product exposes, in order */
                    APIDetails?: components["schemas"]["ApiDetailInput"][];
                    Tags?: string[];
                    /** @description Ids of the catalogues listing the product. Names (as a GET shows them) only alongside CatalogueIDs, which then win */
                    Catalogues?: (number | string)[];
                    /** @description The ids as a GET shows them: when sent, they say the catalogues (Catalogues is then ignored) */
                    CatalogueIDs?: number[];
                    /** @description Accepted for Tyk compatibility; there is one provider */
                    ProviderID?: number;
                    /**
                     * @description Accepted for Tyk compatibility; only false
                     * @enum {boolean}
                     */
                    IsDocumentationOnly?: false;
                    /** @description Read-only: accepted and ignored */
                    ID?: unknown;
                    /** @description Read-only: accepted and ignored */
                    CreatedAt?: unknown;
                    /** @description Read-only: accepted and ignored */
                    UpdatedAt?: unknown;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    deleteProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    listProductApis: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiDetail"][];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getProductApi: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
                apiId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiDetail"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    updateProductApi: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
                apiId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiDetailUpdate"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiDetail"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getProductApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
                apiId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An OpenAPI 3.x (or Swagger 2.0) document as JSON */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OasDocument"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    putProductApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
                apiId: string;
            };
            cookie?: never;
        };
        /** @description An OpenAPI 3.x (or Swagger 2.0) document as JSON */
        requestBody: {
            content: {
                "application/json": components["schemas"]["OasDocument"];
            };
        };
        responses: {
            /** @description An OpenAPI 3.x (or Swagger 2.0) document as JSON */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OasDocument"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    uploadProductApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
                apiId: string;
            };
            cookie?: never;
        };
        /** @description An OpenAPI 3.x (or Swagger 2.0) document as JSON */
        requestBody: {
            content: {
                "application/json": components["schemas"]["OasDocument"];
            };
        };
        responses: {
            /** @description An OpenAPI 3.x (or Swagger 2.0) document as JSON */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OasDocument"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    deleteProductApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
                apiId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    listProductDocs: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647) */
                page?: number;
                /** @description Items per page (default 20) */
                per_page?: number;
            };
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Guide"][];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    createProductDoc: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GuideInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Guide"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    reorderProductDocs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        /** @description Every guide id of the product, in the new order */
        requestBody: {
            content: {
                "application/json": number[];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Guide"][];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getProductDoc: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
                docId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Guide"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    updateProductDoc: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
                docId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    Title?: string;
                    /** @description Markdown, returned as stored */
                    Content?: string;
                    /** @description Same as Content (Tyk sends both); Content wins when both are sent */
                    MarkdownContent?: string;
                    /**
                     * @description Accepted for Tyk compatibility: guides are always Markdown
                     * @enum {boolean}
                     */
                    MarkdownEnabled?: true;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Guide"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    deleteProductDoc: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
                docId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    listPlans: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647) */
                page?: number;
                /** @description Items per page (default 20) */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanIndex"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    createPlan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                planId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    updatePlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                planId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
                    CID?: unknown;
                    /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
                    JWTScope?: unknown;
                    /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
                    MetaData?: unknown;
                    /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
                    PlanQuota?: unknown;
                    /** @description A Tyk field Portcullis does not act on: kept as sent and returned */
                    PlanQuotaRenewalRate?: unknown;
                    /** @description Unique, whatever the case */
                    Name?: string;
                    /** @description Shown to consumers; defaults to Name */
                    DisplayName?: string;
                    Description?: string;
                    /** @description Requests per Per seconds (0 only with UnlimitedRateLimit) */
                    RateLimit?: number;
                    /** @description Seconds (0 only with UnlimitedRateLimit) */
                    Per?: number;
                    /** @description No rate limit (RateLimit and Per are then ignored) */
                    UnlimitedRateLimit?: boolean;
                    /** @description Requests per QuotaRenewalRate seconds (-1 only with UnlimitedQuota) */
                    Quota?: number;
                    /** @description Seconds (-1 only with UnlimitedQuota) */
                    QuotaRenewalRate?: number;
                    /** @description No quota (Quota and QuotaRenewalRate are then ignored) */
                    UnlimitedQuota?: boolean;
                    /** @description Seconds a credential lives; 0 never expires */
                    KeyExpiresIn?: number;
                    AutoApproveAccessRequests?: boolean;
                    /** @description Ids of the catalogues offering the plan */
                    Catalogues?: number[];
                    /** @description Accepted for Tyk compatibility; there is one provider */
                    ProviderID?: number;
                    /** @description Read-only: accepted and ignored */
                    ID?: unknown;
                    /** @description Read-only: accepted and ignored */
                    CreatedAt?: unknown;
                    /** @description Read-only: accepted and ignored */
                    UpdatedAt?: unknown;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    deletePlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                planId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    listApps: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647) */
                page?: number;
                /** @description Items per page (default 20) */
                per_page?: number;
                /** @description The owner's user id */
                user?: number;
                /** @description The owner's organisation */
                organisation?: number;
                /** @description personal: the owner only; team: whoever shares a team with the owner; organisation: everyone in the owner's organisation */
                visibility?: "personal" | "team" | "organisation";
                /** @description Part of the name */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminAppSummary"][];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminApp"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    updateApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminAppUpdate"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminApp"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    deleteApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    rotateAppCredential: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                credentialId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedCredential"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    rotateAccessRequestCredential: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                accessRequestId: string;
                credentialId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedCredential"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    listAccessRequests: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647) */
                page?: number;
                /** @description Items per page (default 20) */
                per_page?: number;
                status?: "pending" | "approved" | "rejected";
                /** @description Pending requests first, then the others, newest first in each (default: oldest first) */
                pending_first?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRequestSummary"][];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getAccessRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                requestId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRequest"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    deleteAccessRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                requestId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    approveAccessRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                requestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccessDecision"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusWithMessage"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    rejectAccessRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                requestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccessDecision"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusWithMessage"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    listSsoProfiles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SSOProfileIndexElem"][];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    createSsoProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SSOProfileCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SSOProfile"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getSsoProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                profile_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SSOProfile"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    updateSsoProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                profile_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SSOProfileUpdate"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SSOProfile"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    deleteSsoProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                profile_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    testSsoProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                profile_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SSOProfileTestResult"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    listOAuthProviders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ID: number;
                        Name: string;
                        Type: string;
                        WellKnownURL: string;
                        SSLInsecureSkipVerify: boolean;
                        /** @description YYYY-MM-DD HH:MM (UTC) */
                        CreatedAt: string;
                        /** @description YYYY-MM-DD HH:MM (UTC) */
                        UpdatedAt: string;
                    }[];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    createOAuthProvider: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    Name: string;
                    Type: "Keycloak" | "Gluu" | "Okta" | "Other";
                    /** @description The provider's OpenID Connect discovery document (its registration_endpoint is used) */
                    WellKnownURL: string;
                    /** @description Must be false: certificates are always verified */
                    SSLInsecureSkipVerify?: boolean;
                    /** @description The initial access token registration requires (RFC 7591 §3): write-only, stored encrypted, never returned */
                    RegistrationAccessToken?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ID: number;
                        Name: string;
                        Type: string;
                        WellKnownURL: string;
                        SSLInsecureSkipVerify: boolean;
                        /** @description YYYY-MM-DD HH:MM (UTC) */
                        CreatedAt: string;
                        /** @description YYYY-MM-DD HH:MM (UTC) */
                        UpdatedAt: string;
                        ClientTypes: {
                            ID: number;
                            Name: string;
                            Description: string;
                            ResponseTypes: string;
                            GrantType: string;
                            TokenEndpointAuthMethod: string;
                            /** @description Only when set */
                            OktaAppType?: string;
                            /** @description YYYY-MM-DD HH:MM (UTC) */
                            CreatedAt: string;
                            /** @description YYYY-MM-DD HH:MM (UTC) */
                            UpdatedAt: string;
                        }[];
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getOAuthProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                providerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ID: number;
                        Name: string;
                        Type: string;
                        WellKnownURL: string;
                        SSLInsecureSkipVerify: boolean;
                        /** @description YYYY-MM-DD HH:MM (UTC) */
                        CreatedAt: string;
                        /** @description YYYY-MM-DD HH:MM (UTC) */
                        UpdatedAt: string;
                        ClientTypes: {
                            ID: number;
                            Name: string;
                            Description: string;
                            ResponseTypes: string;
                            GrantType: string;
                            TokenEndpointAuthMethod: string;
                            /** @description Only when set */
                            OktaAppType?: string;
                            /** @description YYYY-MM-DD HH:MM (UTC) */
                            CreatedAt: string;
                            /** @description YYYY-MM-DD HH:MM (UTC) */
                            UpdatedAt: string;
                        }[];
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    updateOAuthProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                providerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    Name?: string;
                    Type?: "Keycloak" | "Gluu" | "Okta" | "Other";
                    /** @description The provider's OpenID Connect discovery document (its registration_endpoint is used) */
                    WellKnownURL?: string;
                    /** @description Must be false: certificates are always verified */
                    SSLInsecureSkipVerify?: boolean;
                    /** @description Replaces the stored initial access token; "" removes it */
                    RegistrationAccessToken?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ID: number;
                        Name: string;
                        Type: string;
                        WellKnownURL: string;
                        SSLInsecureSkipVerify: boolean;
                        /** @description YYYY-MM-DD HH:MM (UTC) */
                        CreatedAt: string;
                        /** @description YYYY-MM-DD HH:MM (UTC) */
                        UpdatedAt: string;
                        ClientTypes: {
                            ID: number;
                            Name: string;
                            Description: string;
                            ResponseTypes: string;
                            GrantType: string;
                            TokenEndpointAuthMethod: string;
                            /** @description Only when set */
                            OktaAppType?: string;
                            /** @description YYYY-MM-DD HH:MM (UTC) */
                            CreatedAt: string;
                            /** @description YYYY-MM-DD HH:MM (UTC) */
                            UpdatedAt: string;
                        }[];
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    deleteOAuthProvider: {
        parameters: {
            query?: {
                /** @description Also detach from the products that use it */
                force?: boolean;
            };
            header?: never;
            path: {
                providerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    listOAuthClientTypes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                providerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ID: number;
                        Name: string;
                        Description: string;
                        ResponseTypes: string;
                        GrantType: string;
                        TokenEndpointAuthMethod: string;
                        /** @description Only when set */
                        OktaAppType?: string;
                        /** @description YYYY-MM-DD HH:MM (UTC) */
                        CreatedAt: string;
                        /** @description YYYY-MM-DD HH:MM (UTC) */
                        UpdatedAt: string;
                    }[];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    createOAuthClientType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                providerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    Name: string;
                    Description?: string;
                    /** @description Response types the client may use; comma-separated, from: code, token, id_token, it_token, none */
                    ResponseTypes: string;
                    /** @description Grant types the client may use; comma-separated, from: authorization_code, pkce, client_credentials, device_code, refresh_token, password, implicit */
                    GrantType: string;
                    TokenEndpointAuthMethod?: "client_secret_basic" | "client_secret_post";
                    OktaAppType?: "web" | "native" | "browser" | "service" | "";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ID: number;
                        Name: string;
                        Description: string;
                        ResponseTypes: string;
                        GrantType: string;
                        TokenEndpointAuthMethod: string;
                        /** @description Only when set */
                        OktaAppType?: string;
                        /** @description YYYY-MM-DD HH:MM (UTC) */
                        CreatedAt: string;
                        /** @description YYYY-MM-DD HH:MM (UTC) */
                        UpdatedAt: string;
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getOAuthClientType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                providerId: string;
                clientTypeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ID: number;
                        Name: string;
                        Description: string;
                        ResponseTypes: string;
                        GrantType: string;
                        TokenEndpointAuthMethod: string;
                        /** @description Only when set */
                        OktaAppType?: string;
                        /** @description YYYY-MM-DD HH:MM (UTC) */
                        CreatedAt: string;
                        /** @description YYYY-MM-DD HH:MM (UTC) */
                        UpdatedAt: string;
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    updateOAuthClientType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                providerId: string;
                clientTypeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    Name?: string;
                    Description?: string;
                    /** @description Response types the client may use; comma-separated, from: code, token, id_token, it_token, none */
                    ResponseTypes?: string;
                    /** @description Grant types the client may use; comma-separated, from: authorization_code, pkce, client_credentials, device_code, refresh_token, password, implicit */
                    GrantType?: string;
                    TokenEndpointAuthMethod?: "client_secret_basic" | "client_secret_post";
                    OktaAppType?: "web" | "native" | "browser" | "service" | "";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ID: number;
                        Name: string;
                        Description: string;
                        ResponseTypes: string;
                        GrantType: string;
                        TokenEndpointAuthMethod: string;
                        /** @description Only when set */
                        OktaAppType?: string;
                        /** @description YYYY-MM-DD HH:MM (UTC) */
                        CreatedAt: string;
                        /** @description YYYY-MM-DD HH:MM (UTC) */
                        UpdatedAt: string;
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    deleteOAuthClientType: {
        parameters: {
            query?: {
                /** @description Also detach from the products that use it */
                force?: boolean;
            };
            header?: never;
            path: {
                providerId: string;
                clientTypeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    listProductClientTypes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ID: number;
                        Name: string;
                    }[];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    attachProductClientType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ID: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ID: number;
                        Name: string;
                        Description: string;
                        GrantType: string;
                        /** @description Only when set */
                        OktaAppType?: string;
                        ProviderID: number;
                        /** @description YYYY-MM-DD HH:MM (UTC) */
                        CreatedAt: string;
                        /** @description YYYY-MM-DD HH:MM (UTC) */
                        UpdatedAt: string;
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getProductClientType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
                clientTypeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ID: number;
                        Name: string;
                        Description: string;
                        GrantType: string;
                        /** @description Only when set */
                        OktaAppType?: string;
                        ProviderID: number;
                        /** @description YYYY-MM-DD HH:MM (UTC) */
                        CreatedAt: string;
                        /** @description YYYY-MM-DD HH:MM (UTC) */
                        UpdatedAt: string;
                    };
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    detachProductClientType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
                clientTypeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    listPublishedPosts: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647) */
                page?: number;
                /** @description Items per page (default 20) */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedContent"][];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getPublishedPost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The item's Path, e.g. guides/first-call */
                path: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedContent"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getPublishedPage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The item's Path, e.g. guides/first-call */
                path: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedContent"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    listLiveCatalogues: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647) */
                page?: number;
                /** @description Items per page (default 20) */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveCatalogue"][];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getLiveProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveProduct"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getLiveProductApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
                apiId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An OpenAPI 3.x (or Swagger 2.0) document as JSON */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OasDocument"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    listLiveProductDocs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveGuide"][];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getLiveProductDoc: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productId: string;
                docId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveGuide"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getLivePortalAppearance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LivePortalAppearance"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getLivePortalLogo: {
        parameters: {
            query?: {
                /** @description The version in the address the appearance gives; any other value is answered too */
                v?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                    "image/jpeg": string;
                    "image/svg+xml": string;
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getLivePortalStylesheet: {
        parameters: {
            query?: {
                /** @description The version in the address the appearance gives; any other value is answered too */
                v?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stylesheet */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/css": string;
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getMyAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalUser"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    updateMyAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    First?: string;
                    Last?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalUser"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    changeMyPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    current_password: string;
                    new_password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    listMyOrganisationUsers: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647) */
                page?: number;
                /** @description Items per page (default 20) */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalUser"][];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    inviteMyOrganisationUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    Email: string;
                    TeamID?: number;
                    Role?: "consumer-admin" | "consumer-team-member";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    updateMyOrganisationUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    Teams?: number[];
                    Role?: "consumer-admin" | "consumer-team-member";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalUser"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    removeMyOrganisationUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    listMyApps: {
        parameters: {
            query?: {
                /** @description Page from 1 (at most 2147483647) */
                page?: number;
                /** @description Items per page (default 20) */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppSummary"][];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    createMyApp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsumerAppCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["App"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getMyApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["App"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    updateMyApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsumerAppUpdate"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["App"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    deleteMyApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getMyAppUsage: {
        parameters: {
            query: {
                /** @description First day, YYYY-MM-DD (UTC), included */
                from: string;
                /** @description Last day, YYYY-MM-DD (UTC), included */
                to: string;
                /** @description One point per day (default; at most 366 days) or per hour (at most 31 days) */
                res?: "day" | "hour";
            };
            header?: never;
            path: {
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppUsage"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    getMyAppCredential: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                credentialId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Credential"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    revokeMyAppCredential: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                credentialId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOk"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    revealMyAppCredential: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                credentialId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedCredential"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    rotateMyAppCredential: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appId: string;
                credentialId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedCredential"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
    createMyAccessRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccessRequestCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppAccessRequest"];
                };
            };
            /** @description Refused: invalid input, no or bad credentials, not allowed, not found, conflict, too many requests */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
            /** @description Server trouble (the body names the request id, never internals) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalError"];
                };
            };
        };
    };
}
