import type { AllMiddlewareArgs, Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { InstallationStore } from '@slack/oauth';
import type { SlackRuntime } from '../runtime.ts';

type UninstallArgs = SlackEventMiddlewareArgs<'app_uninstalled' | 'tokens_revoked'> & AllMiddlewareArgs;

/**
 * `app_uninstalled` and `tokens_revoked` (in either order): mark the installation inactive. Nothing
 * the organisation logged is deleted; a reinstall reactivates it.
 */
export function uninstalled(rt: SlackRuntime, store: InstallationStore | null): Middleware<SlackEventMiddlewareArgs<'app_uninstalled' | 'tokens_revoked'>> {
  return async ({ body, context }: UninstallArgs) => {
    const enterpriseId = context.enterpriseId ?? body.enterprise_id;
    const isEnterpriseInstall = context.isEnterpriseInstall === true;
    const teamId = context.teamId ?? body.team_id;
    rt.log.warn('slack installation removed', { event: body.event.type, teamId, enterpriseId, isEnterpriseInstall });
    if (body.event.type === 'tokens_revoked' && !(body.event.tokens.bot ?? []).length) return; // only user tokens went
    await store?.deleteInstallation?.(isEnterpriseInstall ? { enterpriseId, teamId: undefined, isEnterpriseInstall: true } : { teamId, enterpriseId, isEnterpriseInstall: false });
  };
}
