// The newest schema version of each document this build knows; a file with a higher one is read as
// far as it can be and flagged. Kept in this one place so a new version is one line to change.
import { REPORT_SCHEMA_VERSION } from '../../shared/contract/report';
import type { FleetDocKind } from '../../shared/contract/fleet';

/** diagnose --json and remediate --json are at version 1 (src/shared/contract/documents.ts, remediate.ts). */
export const KNOWN_VERSIONS: Record<FleetDocKind, number> = { diagnose: 1, remediate: 1, report: REPORT_SCHEMA_VERSION };
