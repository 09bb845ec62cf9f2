import { en } from "./en";
import { zhCN } from "./zhCN";

/** The pane's text in one language: the shape of the English catalogue. */
export type Messages = typeof en;

/** Keys of the texts that take no values. */
export type TextKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

/** The catalogues, by language tag. */
export const CATALOGUES = { en, "zh-CN": zhCN } as const satisfies Record<string, Messages>;

export type Language = keyof typeof CATALOGUES;

/**
 * The pane's language for Office's display language (`Office.context.displayLanguage`, a BCP 47 tag
 * such as "zh-CN"): Simplified Chinese for any Chinese tag (zh, zh-CN, zh-SG, zh-Hans...; a Traditional
 * Chinese reader reads it more easily than English), English otherwise.
 *
 * @example languageFor("zh-CN") // "zh-CN"
 * @example languageFor("fr-FR") // "en"
 */
export function languageFor(displayLanguage: string | undefined): Language {
  return /^zh(-|$)/i.test(displayLanguage ?? "") ? "zh-CN" : "en";
}

/**
 * The catalogue for Office's display language (see {@link languageFor}).
 *
 * @example messagesFor("zh-CN").next // "下一步"
 */
export function messagesFor(displayLanguage: string | undefined): Messages {
  return CATALOGUES[languageFor(displayLanguage)];
}
