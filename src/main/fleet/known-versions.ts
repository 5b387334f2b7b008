// The newest schema version of each document this build knows; a file with a higher one is read as
// far as it can be and flagged. Kept in this one place so a new version is one line to change.
import { DIAGNOSE_SCHEMA_VERSION } from '../../shared/contract/documents';
import type { FleetDocKind } from '../../shared/contract/fleet';
import { REMEDIATE_SCHEMA_VERSION } from '../../shared/contract/remediate';
import { REPORT_SCHEMA_VERSION } from '../../shared/contract/report';

export const KNOWN_VERSIONS: Record<FleetDocKind, number> = { diagnose: DIAGNOSE_SCHEMA_VERSION, remediate: REMEDIATE_SCHEMA_VERSION, report: REPORT_SCHEMA_VERSION };
