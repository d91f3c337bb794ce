import type { Actor } from '../domain/people.ts';
import type { Reply } from '../replies.ts';
import { closeAudit } from '../use-cases/audit/close-audit.ts';
import { auditStatus } from '../use-cases/audit/audit-status.ts';
import { remindAudit } from '../use-cases/audit/remind-audit.ts';
import { startAudit } from '../use-cases/audit/start-audit.ts';
import type { CoreDeps } from '../use-cases/deps.ts';
import { AUDIT_KINDS, type AuditIntent } from './audit-intent.ts';
import type { Intent } from './intent.ts';

export function isAuditIntent(intent: Intent): intent is AuditIntent {
  return AUDIT_KINDS.has(intent.kind);
}

/** Run an audit command. Who may is decided in each use case. */
export function dispatchAudit(deps: CoreDeps, actor: Actor, intent: AuditIntent): Promise<Reply> {
  switch (intent.kind) {
    case 'audit-start': {
      const { kind: _kind, ...input } = intent;
      return startAudit(deps, actor, input);
    }
    case 'audit-status':
      return auditStatus(deps, actor, intent.team);
    case 'audit-remind':
      return remindAudit(deps, actor, intent.team);
    case 'audit-close': {
      const { kind: _kind, ...input } = intent;
      return closeAudit(deps, actor, input);
    }
  }
}
