import { ledgerContract } from './ledger-contract'
import { localSite } from './support'

ledgerContract('local disk', localSite)
