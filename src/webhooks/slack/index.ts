/** Slack Events API: verify the raw bytes, echo the signed challenge, key, convert. */
export { convertSlackEvent as convertSlack } from './convert-slack-event.ts';
export { deliveryKeysSlack } from './delivery-key-slack.ts';
export { answersRequest, blocksNewRequest, slackRequestPlace } from './slack-request-keys.ts';
export { slackUrlVerification } from './slack-url-verification.ts';
export {
  SLACK_MAX_SKEW_SECONDS,
  SLACK_SIGNATURE_HEADER,
  SLACK_TIMESTAMP_HEADER,
  slackSignature,
  verifySlack,
} from './verify-slack.ts';
