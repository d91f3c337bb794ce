import type { InstallationStore } from '@slack/oauth';
import { WebClient, type WebClientOptions } from '@slack/web-api';

/** The Web API client and bot identity to use for one workspace's delivery. */
export interface SlackAuth {
  readonly client: WebClient;
  readonly botToken: string;
  readonly botUserId: string;
  /** Who installed the app (OAuth installations say; a single configured token does not). */
  readonly installerUserId: string | null;
}

export interface WorkspaceRef {
  readonly teamId: string;
  readonly enterpriseId: string | null;
  readonly isEnterpriseInstall: boolean;
}

/**
 * Clients are built from the stored installation (or the single configured token), never from the
 * request that brought the delivery: by the time a delivery is processed — or retried after a
 * restart — that request is long gone.
 */
export interface SlackClients {
  forWorkspace(where: WorkspaceRef): Promise<SlackAuth>;
}

/** One workspace, one token (SLACK_BOT_TOKEN). */
export function singleWorkspaceClients(botToken: string, botUserId: string, options: WebClientOptions): SlackClients {
  const auth: SlackAuth = { client: new WebClient(botToken, options), botToken, botUserId, installerUserId: null };
  return { forWorkspace: async () => auth };
}

/** Many workspaces (OAuth): the installation's bot token; one client per token, reused. */
export function installedClients(store: InstallationStore, options: WebClientOptions): SlackClients {
  const clients = new Map<string, WebClient>();
  return {
    async forWorkspace(where) {
      const installation = await store.fetchInstallation({
        teamId: where.isEnterpriseInstall ? undefined : where.teamId,
        enterpriseId: where.enterpriseId ?? undefined,
        isEnterpriseInstall: where.isEnterpriseInstall,
      });
      const botToken = installation.bot?.token;
      if (!botToken) throw new Error(`the installation for ${where.teamId} has no bot token`);
      let client = clients.get(botToken);
      if (!client) {
        client = new WebClient(botToken, { ...options, ...(where.isEnterpriseInstall ? { teamId: where.teamId } : {}) });
        clients.set(botToken, client);
      }
      return { client, botToken, botUserId: installation.bot?.userId ?? '', installerUserId: installation.user?.id ?? null };
    },
  };
}
