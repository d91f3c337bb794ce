import { describe, expect, it } from 'vitest';
import { escapeMrkdwn } from '../../../adapters/slack/render/escape.ts';
import { slackWording } from './fixtures.ts';

describe('escapeMrkdwn', () => {
  it.each([
    ['plain title', 'Hospice Benefit', 'Hospice Benefit'],
    ['ampersand', 'E&M Services', 'E&amp;M Services'],
    ['channel ping', '<!channel> read this', '&lt;!channel&gt; read this'],
    ['here ping', '<!here>', '&lt;!here&gt;'],
    ['user mention', '<@U123ABC>', '&lt;@U123ABC&gt;'],
    ['disguised link', '<http://evil.example|click me>', '&lt;http://evil.example|click me&gt;'],
    ['already escaped stays visible as typed', '&lt;', '&amp;lt;'],
    ['comparison', 'length > 30 & < 60', 'length &gt; 30 &amp; &lt; 60'],
    ['formatting characters are left alone', '*bold* _it_ ~s~ `code`', '*bold* _it_ ~s~ `code`'],
    ['empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });

  it('leaves no raw angle bracket, whatever the input', () => {
    const hostile = '<<!everyone>>&<<http://x|y>>';
    expect(escapeMrkdwn(hostile)).not.toMatch(/[<>]/);
  });
});

describe('shared wording in Slack', () => {
  // How the bare commands become `/ceu …` is pinned in test/unit/common/wording.test.ts.
  it('is escaped, with the commands named as /ceu commands', () => {
    expect(slackWording('Add it with `cert <number> issued <date>`.')).toBe('Add it with `/ceu cert &lt;number&gt; issued &lt;date&gt;`.');
  });
});
