/**
 * Whether a message says the training is CMS's or MLN's (CMSS credit is for CMS/MLN training:
 * domain.md §1.2, B19): CMS, MLN, the Medicare Learning Network, or a known MLN product (MLN
 * Connects, National Provider Call, MLN web-based training, the MLN Learning Management System).
 */
const CMS_OR_MLN =
  /\b(?:cms|mln|medicare learning network|mln connects|national provider calls?|npc|learning management system|centers for medicare(?: &| and) medicaid services)\b|\bcms[-\s]?\d/i;

export function namesCmsOrMln(text: string): boolean {
  return CMS_OR_MLN.test(text);
}
