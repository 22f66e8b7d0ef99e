/**
 * @module i18n/server-codes
 * The words for what the server says by code: error titles and hints (rules.ts says which fit
 * each error code), reasons (why a page or address could not be read) and notices (notes beside
 * results). Kept out of the shell's tables: the error card and the result cards that use them
 * are lazy chunks already.
 */
import { defineMessages, type MessageTables } from '..'
import { errorsEn } from './errors.en'
import { errorsZhCN } from './errors.zh-CN'
import { noticesEn } from './notices.en'
import { noticesZhCN } from './notices.zh-CN'
import { reasonsEn } from './reasons.en'
import { reasonsZhCN } from './reasons.zh-CN'

export type ServerCodeKey = keyof typeof errorsEn | keyof typeof reasonsEn | keyof typeof noticesEn

export const serverCodeMessages: MessageTables<ServerCodeKey> = {
  en: { ...errorsEn, ...reasonsEn, ...noticesEn },
  'zh-CN': { ...errorsZhCN, ...reasonsZhCN, ...noticesZhCN },
}

export const useServerCodesI18n = defineMessages<ServerCodeKey>(serverCodeMessages)
