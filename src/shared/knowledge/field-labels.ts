// How each troubleshooting field of an error is labelled for people: one table for the Explain
// screen, the CLI and the message for IT. Typed by the fields, so a new field needs its label here.
import type { TroubleshootingFields } from '../contract/explain';

export const FIELD_LABELS: Record<keyof TroubleshootingFields, string> = {
  correlationId: 'Correlation ID',
  requestId: 'Request ID',
  traceId: 'Trace ID',
  timestamp: 'Timestamp (UTC)',
  appName: 'App name',
  appId: 'App ID',
  ipAddress: 'IP address',
  deviceId: 'Device identifier',
  devicePlatform: 'Device platform',
  deviceState: 'Device state',
  error: 'OAuth error',
  suberror: 'OAuth suberror',
  errorUri: 'Error URI',
  supportTag: 'Support tag (for Microsoft support)',
};

/** The fields in the order they are shown. */
export const FIELD_ORDER = Object.keys(FIELD_LABELS) as (keyof TroubleshootingFields)[];
