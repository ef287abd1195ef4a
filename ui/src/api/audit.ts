// The audit log commands of docs/ipc.md ("Audit log"): the filtered list, its actors, and the
// tamper check. The shell words entries and results in the language set with set_language.

import type { AuditPage, AuditQuery, AuditVerification } from "./bindings";
import { call } from "./call";

export const auditEntries = (request: AuditQuery): Promise<AuditPage> =>
  call("audit_entries", { request });

export const auditActors = (): Promise<string[]> => call("audit_actors");

export const verifyAudit = (): Promise<AuditVerification> => call("verify_audit");
