import type { AppsManifestValidateArguments } from '@slack/web-api';

/**
 * The Slack app manifest, typed against @slack/web-api's manifest type (a misspelt scope or field
 * does not compile). `npm run manifest` writes manifest.json from it; a test keeps the two equal and
 * checks them against what the code registers. Replace recert.example.com with your host.
 */
type SlackManifest = NonNullable<AppsManifestValidateArguments['manifest']>;

const HOST = 'https://recert.example.com';

export const slackManifest = {
  _metadata: { major_version: 1, minor_version: 1 },
  display_information: {
    name: 'Recert',
    description: 'Keeps medical scribes on track with their CMSS continuing-education requirement.',
    long_description:
      'Recert tracks the continuing education ACMSS Certified Medical Scribe Specialists need every year: 3 CE hours of CMS / Medicare Learning Network training, the renewal fee and the 12-month certificate. Tell it what you finished ("watched the MLN webinar on telehealth billing yesterday, 45 min"); it computes the ACMSS credit, shows how, keeps your certificates, and shows your progress in App Home and with /ceu status.',
    background_color: '#1d4f91',
  },
  features: {
    app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
    bot_user: { display_name: 'Recert', always_online: true },
    slash_commands: [
      {
        command: '/ceu',
        url: `${HOST}/slack/events`,
        description: 'Log CE trainings, see your progress, export your renewal paperwork; managers: the team report and the roster',
        usage_hint: 'log <training> | status | history | undo | cert <number> issued <date> | fee paid | export transcript | report | roster | help',
        // Escaped: a mention arrives as <@U0123|name>, so `status @ana` names one person for certain.
        should_escape: true,
      },
    ],
    shortcuts: [
      { name: 'Log a training', type: 'global', callback_id: 'ceu_log_training_shortcut', description: 'Log a CE training in a form' },
      { name: 'Log as CE training', type: 'message', callback_id: 'ceu_log_message', description: 'Turn this message into a CE entry preview' },
    ],
  },
  oauth_config: {
    redirect_urls: [`${HOST}/slack/oauth_redirect`],
    // files:write: exported paperwork (transcripts, evidence packs) is uploaded to the asker's DM.
    scopes: { bot: ['app_mentions:read', 'chat:write', 'commands', 'files:read', 'files:write', 'im:history', 'im:read', 'im:write', 'users:read'] },
  },
  settings: {
    event_subscriptions: {
      request_url: `${HOST}/slack/events`,
      bot_events: ['app_home_opened', 'app_mention', 'app_uninstalled', 'file_shared', 'message.im', 'tokens_revoked'],
    },
    interactivity: { is_enabled: true, request_url: `${HOST}/slack/events` },
    org_deploy_enabled: true,
    socket_mode_enabled: false,
    token_rotation_enabled: false,
  },
} satisfies SlackManifest;
