/** Longest team name (characters). */
export const MAX_TEAM_NAME = 60;

/**
 * A team name as stored (spaces collapsed), or null when it is none: empty, longer than
 * `MAX_TEAM_NAME`, or without a letter or digit — `roster set @ben team ""` used to create a team
 * called `""` (final review, finding 6).
 */
export function teamName(text: string): string | null {
  const name = text.replace(/\s+/g, ' ').trim();
  return name.length > 0 && name.length <= MAX_TEAM_NAME && /[\p{L}\p{N}]/u.test(name) ? name : null;
}
