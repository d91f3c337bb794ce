/**
 * The reference for the Slack load benchmark: a bare Bolt app (the bolt TypeScript starter's shape)
 * that acknowledges `/ceu` and does nothing else, on the port in PORT, signing secret in
 * SLACK_SIGNING_SECRET. What Recert's acknowledgement costs beyond this is Recert's own.
 */
import { App } from '@slack/bolt';

const app = new App({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? '', token: 'xoxb-bench', botId: 'B0BOT', botUserId: 'U0BOT', tokenVerificationEnabled: false });
app.command('/ceu', async ({ ack }) => {
  await ack();
});
await app.start(Number(process.env.PORT ?? 3000));
process.stdout.write('ready\n');
process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));
