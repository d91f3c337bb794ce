import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../adapters/slack/app.ts';
import { registerListeners, type ListenerRegistry } from '../../adapters/slack/register.ts';
import type { SlackRuntime } from '../../adapters/slack/runtime.ts';
import { slackManifest } from '../../manifest/slack/manifest.ts';

type Registered = Record<'command' | 'event' | 'message' | 'action' | 'view' | 'shortcut', string[]>;

/** What the code registers, recorded by a stand-in for Bolt's App. */
function registrations(): Registered {
  const seen: Registered = { command: [], event: [], message: [], action: [], view: [], shortcut: [] };
  const recorder = (kind: keyof Registered) => (...args: unknown[]) => {
    const first = args[0];
    seen[kind].push(typeof first === 'function' ? '*' : String(first));
  };
  const registry = { command: recorder('command'), event: recorder('event'), message: recorder('message'), action: recorder('action'), view: recorder('view'), shortcut: recorder('shortcut') };
  // The recorder implements only what registration calls; Bolt's overloads are not needed to record names.
  registerListeners(registry as unknown as ListenerRegistry, {} as SlackRuntime, null);
  return seen;
}

describe('manifest/slack/manifest.json', () => {
  const json = JSON.parse(readFileSync(new URL('../../manifest/slack/manifest.json', import.meta.url), 'utf8')) as typeof slackManifest;
  const registered = registrations();

  it('is the typed manifest, regenerated (`npm run manifest`)', () => {
    expect(json).toEqual(JSON.parse(JSON.stringify(slackManifest)));
  });

  it('declares exactly the slash commands the code registers', () => {
    expect(json.features.slash_commands.map((c) => c.command).sort()).toEqual([...registered.command].sort());
  });

  it('declares exactly the shortcuts the code registers', () => {
    expect(json.features.shortcuts.map((s) => s.callback_id).sort()).toEqual([...registered.shortcut].sort());
  });

  it('subscribes to exactly the events the code listens to (DM messages as message.im)', () => {
    const listened = [...registered.event, ...registered.message.map(() => 'message.im')].sort();
    expect([...json.settings.event_subscriptions.bot_events].sort()).toEqual(listened);
  });

  it('asks for the scopes the OAuth installer requests, and no others', () => {
    expect([...json.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
    // Paperwork is uploaded with files.uploadV2 (files.getUploadURLExternal / completeUploadExternal).
    expect(BOT_SCOPES).toContain('files:write');
  });

  it('points events, commands and interactivity at /slack/events, OAuth at /slack/oauth_redirect', () => {
    expect(json.settings.event_subscriptions.request_url).toMatch(/\/slack\/events$/);
    expect(json.settings.interactivity).toMatchObject({ is_enabled: true, request_url: expect.stringMatching(/\/slack\/events$/) });
    expect(json.features.slash_commands.every((c) => c.url.endsWith('/slack/events'))).toBe(true);
    expect(json.oauth_config.redirect_urls.every((u) => u.endsWith('/slack/oauth_redirect'))).toBe(true);
    expect(json.features.app_home.home_tab_enabled).toBe(true);
  });

  it('registers a handler for every interactive element the app renders', () => {
    expect(registered.action).toEqual(expect.arrayContaining(['ceu_confirm', 'ceu_confirm_unregistered', 'ceu_edit', 'ceu_cancel', 'ceu_undo', 'ceu_home_log', 'ceu_home_attach']));
    expect(registered.action.some((a) => a.includes('ceu_history_page'))).toBe(true);
    expect(registered.view).toEqual(['ceu_log_training']);
  });
});
