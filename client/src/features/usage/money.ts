/**
 * @module features/usage/money
 * US dollars and times as the usage views show them: small amounts keep four decimals (a text
 * call costs fractions of a cent), larger ones two.
 */
export const usd = (amount: number, locale: string) =>
  new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: amount !== 0 && Math.abs(amount) < 1 ? 4 : 2,
  }).format(amount)

export const dateTime = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))

export const time = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(new Date(iso))
