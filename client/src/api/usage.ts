/**
 * @module api/usage
 * `GET /api/usage`, typed from the server's route: today's and this month's AI spend of the
 * caller's workspace with its budget (an admin key also gets every workspace's overview).
 */
import type { InferResponseType } from 'hono/client'
import { client, request, withSignal } from './client'

export type UsageReport = InferResponseType<typeof client.api.usage.$get, 200>
export type PeriodSpend = UsageReport['month']
export type DaySpend = UsageReport['day']

export const getUsage = (signal?: AbortSignal) =>
  request(client.api.usage.$get({ query: {} }, withSignal(signal)))
