import { describe, expect, it } from 'vitest';
import { commonText, escapeMrkdwn, withSlashCommands } from '../../../adapters/slack/render/escape.ts';

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

describe('withSlashCommands', () => {
  it.each([
    ['cert usage', 'Add it with `cert <number> issued <date>`.', 'Add it with `/ceu cert <number> issued <date>`.'],
    ['single word', 'Type `history` to see your entries.', 'Type `/ceu history` to see your entries.'],
    ['undo', 'Type `undo` if you want to take it back.', 'Type `/ceu undo` if you want to take it back.'],
    ['fee with amount', 'Send it like `fee paid $85` (or just `fee paid`).', 'Send it like `/ceu fee paid $85` (or just `/ceu fee paid`).'],
    ['two spans', '`status` and `help`', '`/ceu status` and `/ceu help`'],
    ['unknown command untouched', 'use `as NAME`', 'use `as NAME`'],
    ['prefix of a word untouched', '`certificate` is here', '`certificate` is here'],
    ['already slash', '`/ceu status`', '`/ceu status`'],
    ['outside code spans untouched', 'undo history status', 'undo history status'],
  ])('%s', (_name, input, expected) => {
    expect(withSlashCommands(input)).toBe(expected);
  });

  it('commonText escapes first, then names the commands', () => {
    expect(commonText('Add it with `cert <number> issued <date>`.')).toBe('Add it with `/ceu cert &lt;number&gt; issued &lt;date&gt;`.');
  });
});
