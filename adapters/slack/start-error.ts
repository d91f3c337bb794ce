/**
 * The Slack adapter cannot start (a refused or unverifiable token, a missing signing secret). Kept
 * apart from app.ts so the command line can recognise it without loading Bolt.
 */
export class SlackStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlackStartError';
  }
}
