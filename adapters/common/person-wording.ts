/**
 * How a person the asker named but the roster does not know is told back: by the e-mail address
 * when that is what was typed (`status @ana@example.org`), else by the name.
 */
export function personNotFound(name: string): string {
  if (!name) return 'I could not find that person.';
  const hint = 'Type `roster` to see who is on it.';
  if (isEmailLike(name)) return `I don't know anyone with the e-mail ${name} here. ${hint}`;
  return `I don't know anyone called "${name}" here. ${hint}`;
}

/** Something typed as an e-mail address (local part, @, a dotted domain). */
function isEmailLike(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(text);
}
