import type { PublicConsultation } from "./consultation.ts";
import type { IsoDate } from "./date.ts";
import { type AtomEntry, atomXml, feedEntryLimit, rfc3339, truncateText } from "./feed.ts";
import type { PublishedLetter } from "./letter.ts";

/**
 * Atom feeds of the portal's lists that are not items (issue 16: "Atom links on every list"):
 * the mailbox's published replies and the consultations. Their entries link to the portal's
 * pages, the only address a letter or a consultation has for a reader.
 */

/** A day people read in Beijing as the instant it began there, for `updated` and `published`. */
const startOfDay = (day: IsoDate) => rfc3339(`${day}T00:00:00+08:00`);

type FeedUrls = { self: string; alternate: string; page: (id: string) => string };

export const citizenFeedIds = {
  letters: "urn:gov-disclosure:feed:letters",
  letter: (id: string) => `urn:gov-disclosure:letter:${id}`,
  consultations: "urn:gov-disclosure:feed:consultations",
  consultation: (id: string) => `urn:gov-disclosure:consultation:${id}`,
};

/** The newest published replies: only what the writers agreed to publish, never the writer. */
export function publishedLettersFeed(input: {
  letters: readonly PublishedLetter[];
  publisher: string;
  urls: FeedUrls;
}): string {
  const entries = input.letters.slice(0, feedEntryLimit).map(
    (letter): AtomEntry => ({
      id: citizenFeedIds.letter(letter.id),
      title: letter.subject,
      updated: startOfDay(letter.repliedOn),
      published: startOfDay(letter.repliedOn),
      link: input.urls.page(letter.id),
      linkType: "text/html",
      summary: truncateText(letter.reply, 200),
      category: { term: "mailbox-replies", label: "市长信箱公开答复" },
      author: letter.unitName,
    }),
  );
  return atomXml({
    id: citizenFeedIds.letters,
    title: "市长信箱公开答复｜政府信息公开",
    subtitle: `最新公开的${feedEntryLimit}件来信答复`,
    selfUrl: input.urls.self,
    alternateUrl: input.urls.alternate,
    author: input.publisher,
    entries,
  });
}

/** The newest consultations; an entry changes when its feedback is published. */
export function consultationsFeed(input: {
  consultations: readonly PublicConsultation[];
  unitNames: ReadonlyMap<string, string>;
  publisher: string;
  urls: FeedUrls;
}): string {
  const entries = input.consultations.slice(0, feedEntryLimit).map(
    (x): AtomEntry => ({
      id: citizenFeedIds.consultation(x.id),
      title: x.title,
      updated: x.feedback ? rfc3339(x.feedback.publishedAt) : startOfDay(x.opensOn),
      published: startOfDay(x.opensOn),
      link: input.urls.page(x.id),
      linkType: "text/html",
      summary: truncateText(`征求期${x.opensOn}至${x.closesOn}。${x.description}`, 200),
      category: { term: "consultations", label: "征求意见" },
      author: input.unitNames.get(x.unitCode) ?? x.unitCode,
    }),
  );
  return atomXml({
    id: citizenFeedIds.consultations,
    title: "征求意见｜政府信息公开",
    subtitle: `最新的${feedEntryLimit}项意见征集`,
    selfUrl: input.urls.self,
    alternateUrl: input.urls.alternate,
    author: input.publisher,
    entries,
  });
}
