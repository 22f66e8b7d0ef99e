import { libraryContract } from './library-contract'
import { localStore } from './support'

libraryContract('local disk', localStore)
