/**
 * A message or command text without the app's command name in front: "/ceu status", "ceu status"
 * and "status" all read as "status" (a person writing to the bot in a DM or a thread may type the
 * command as a message, as the help shows it). `name` is the command without its slash ("ceu"); the
 * core reads only the words after it and knows no command name.
 */
export function withoutCommandName(text: string, name: string): string {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.trim().replace(new RegExp(`^/?${escaped}\\b\\s*`, 'i'), '');
}
