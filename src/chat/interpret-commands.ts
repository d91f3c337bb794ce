import { isActivityKind, type ActivityKind } from '../domain/activity-kind.ts';
import { readActivityKind } from '../reading/activity-kind.ts';
import type { EditField, Intent } from './intent.ts';

/** A confirmation at the end of a command: "… anyway". */
export const ANYWAY = /[\s,]+(?:anyway|anyways|yes|confirmed|that's right)[.!]*$/i;

/** `cert CMSS-12345 issued 2026-01-15 [expires 2027-01-15]`; "issued"/"expires" are optional words. */
export function parseCert(rest: string): Intent {
  // "cert CMSS-1 issued March 10 anyway": a number someone else holds, confirmed.
  if (ANYWAY.test(rest)) {
    const intent = parseCert(rest.replace(ANYWAY, ''));
    return intent.kind === 'cert' ? { ...intent, anyway: true } : intent;
  }
  const match = /^#?(\S+)\s+(?:issued\s+(?:on\s+)?)?(.+?)(?:\s+(?:expires?|expiring|exp\.?|until|through|to)\s+(?:on\s+)?(.+))?$/i.exec(rest.trim());
  // Certificate numbers carry digits ("CMSS-12345"); "Certificate of completion…" is not a command.
  if (!match?.[1] || !match[2] || !/\d/.test(match[1])) return { kind: 'unknown', text: rest, reason: 'usage', topic: 'cert' };
  return { kind: 'cert', number: match[1], issued: match[2].trim(), expires: match[3]?.trim() ?? null };
}

/** `fee paid [$85] [on 2026-01-10] [ref ABC123]` */
export function parseFee(input: string): Intent {
  // "fee paid $80 anyway": the amount differs from the fee on purpose.
  if (ANYWAY.test(input)) {
    const intent = parseFee(input.replace(ANYWAY, ''));
    return intent.kind === 'fee' ? { ...intent, anyway: true } : intent;
  }
  const rest = input;
  const match = /^paid\b\s*(?:\$?\s*(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{1,6}(?:\.\d{1,2})?)\s*(?:usd|dollars)?)?\s*(?:(?:on\s+)?(.+?))??\s*(?:\b(?:ref|reference|receipt)\s*:?\s*(\S+))?$/i.exec(rest.trim());
  if (!match) return { kind: 'unknown', text: rest, reason: 'usage', topic: 'fee' };
  return { kind: 'fee', amountText: match[1]?.replaceAll(',', '') ?? null, dateText: match[2]?.trim() || null, reference: match[3] ?? null };
}

/** `proof ./certificate.pdf` or `proof 3 ./certificate.pdf` (entry number first). */
export function parseProof(rest: string): Intent {
  const match = /^(?:(?:to\s+)?(?:entry\s+)?#?(\d{1,6})\s+)?(.+)$/i.exec(rest.trim());
  const path = match?.[2]?.trim().replace(/^["']|["']$/g, '');
  // A file path has a folder or an extension ("./certificate.pdf"); "attach billing codes course" is not one.
  if (!path || !/[\\/]|\.[a-z0-9]{2,5}$/i.test(path)) return { kind: 'unknown', text: rest, reason: 'usage', topic: 'proof' };
  return { kind: 'attach-local', path, seq: match?.[1] ? Number(match[1]) : null };
}

/** `edit 3 minutes 45`, `edit 3 title …`, `edit 3 date 2026-11-02`, `edit 3 kind webinar`, `edit 3 registered yes`. */
export function parseEdit(rest: string): Intent {
  const match = /^(?:entry\s+)?#?(\d{1,6})\s+(minutes|mins?|length|duration|title|name|date|completed|kind|type|registered|registration)\s*:?\s+([\s\S]+)$/i.exec(rest.trim());
  const [, seq, field, value] = match ?? [];
  if (!seq || !field || !value) return { kind: 'unknown', text: rest, reason: 'usage', topic: 'edit' };
  const change = editField(field.toLowerCase(), value.trim());
  return change ? { kind: 'edit', seq: Number(seq), change } : { kind: 'unknown', text: rest, reason: 'usage', topic: 'edit' };
}

function editField(field: string, value: string): EditField | null {
  if (/^(minutes|mins?|length|duration)$/.test(field)) return { field: 'minutes', text: value };
  if (field === 'title' || field === 'name') return { field: 'title', text: value.replace(/^["“]|["”]$/g, '') };
  if (field === 'date' || field === 'completed') return { field: 'date', text: value };
  if (field === 'kind' || field === 'type') return { field: 'kind', kind: kindOf(value), text: value };
  if (/^(yes|y|true|registered)$/i.test(value)) return { field: 'registered', registered: true };
  if (/^(no|n|false|not registered|unregistered)$/i.test(value)) return { field: 'registered', registered: false };
  return null;
}

function kindOf(value: string): ActivityKind | null {
  const lower = value.toLowerCase();
  if (isActivityKind(lower)) return lower;
  const read = readActivityKind(value);
  return read.stated ? read.kind : null;
}
