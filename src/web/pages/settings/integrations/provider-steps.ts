/**
 * The step-by-step setup of each provider (issue 9 item 1; the same steps as docs/webhooks.md),
 * and what each needs from the person connecting it.
 */
import type { WebhookProviderName } from '#shared/webhook-schemas';

export interface ProviderGuide {
  label: string;
  /** What the secret field is called at the provider; null: no secret is pasted (Asana). */
  secretLabel: string | null;
  /** True when the secret can only be pasted after the provider knows the callback URL. */
  secretLater: boolean;
  /** Tandem makes the secret when none is pasted (Toggl). */
  secretMade: boolean;
  /** The identity kind of this provider's user ids in the identities map. */
  identityKind: string;
  steps: string[];
}

export const PROVIDER_GUIDES: Record<WebhookProviderName, ProviderGuide> = {
  trello: {
    label: 'Trello',
    secretLabel: 'Power-Up secret',
    secretLater: false,
    secretMade: false,
    identityKind: 'trello',
    steps: [
      'Open trello.com/power-ups/admin, pick your Power-Up and open “API key”. Copy the Secret shown under the key.',
      'Paste the secret here and create the connection.',
      'Register a webhook for the board with the callback URL below (POST /1/webhooks with idModel = the board id). Trello checks the URL with a HEAD request; Tandem answers it.',
      'Map Trello member ids to assistants under Identities (trello:<member id>), or pick one assistant.',
    ],
  },
  slack: {
    label: 'Slack',
    secretLabel: 'Signing Secret',
    secretLater: false,
    secretMade: false,
    identityKind: 'slack',
    steps: [
      'At api.slack.com/apps create an app for your workspace.',
      'Basic Information → App Credentials: copy the Signing Secret, paste it here and create the connection.',
      'Event Subscriptions → Enable Events, Request URL = the callback URL below. Slack sends a signed challenge; Tandem answers it.',
      'Subscribe to message.channels, message.groups, message.mpim, app_mention (and message.im for DMs), invite the app to the channels, then Install to Workspace.',
    ],
  },
  asana: {
    label: 'Asana',
    secretLabel: null,
    secretLater: false,
    secretMade: false,
    identityKind: 'asana',
    steps: [
      'Create the connection here; it waits 15 minutes for Asana’s handshake.',
      'Create a personal access token in Asana (My Settings → Apps → Developer apps) and ask Asana for a webhook on the project: POST /webhooks with resource = the project id and target = the callback URL below.',
      'Asana sends a handshake with X-Hook-Secret; Tandem keeps it and the connection becomes active. Missed the window? “Replace secret” opens a new one.',
      'Add the access token to the connection (API) so Tandem can read the changed tasks.',
    ],
  },
  toggl: {
    label: 'Toggl Track',
    secretLabel: 'Webhook secret',
    secretLater: false,
    secretMade: true,
    identityKind: 'toggl',
    steps: [
      'Create the connection here. Leave the secret empty and Tandem makes one, shown once.',
      'In Toggl Track: Integrations → Webhooks → Create Webhook, events “Time entry: created, updated, deleted”, URL = the callback URL below, and the secret.',
      'Validate the webhook in Toggl: its signed PING is answered by Tandem.',
    ],
  },
  clockify: {
    label: 'Clockify',
    secretLabel: 'Webhook token',
    secretLater: true,
    secretMade: false,
    identityKind: 'clockify',
    steps: [
      'Create the connection here (no token yet).',
      'In Clockify: Workspace settings → Webhooks → Create new, URL = the callback URL below, events New time entry, Time entry updated, Time entry deleted, Timer stopped.',
      'Copy the webhook’s token and paste it with “Replace secret” on this connection.',
    ],
  },
};
