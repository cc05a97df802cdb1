/** Outbound Standard Webhooks: sign what Tandem sends, verify it (tests, consumers), secrets. */
export { signStandardWebhook, standardWebhookSignature } from './sign-standard-webhook.ts';
export { formatStandardWebhookSecret, standardWebhookKey } from './standard-webhook-secret.ts';
export { STANDARD_WEBHOOK_TOLERANCE_SECONDS, verifyStandardWebhook } from './verify-standard-webhook.ts';
