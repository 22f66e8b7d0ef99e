/**
 * @module video/jobs
 * The job logic the routes load on the first job request (not at start-up).
 */
export { advanceJob } from './advance-job'
export { checkJobBrand, VideoBrandCheckRequest } from './brand-check'
export { createVideoJob } from './create-job'
export { deleteJob } from './delete-job'
export { streamJobEvents } from './job-events'
export { listJobs } from './list-jobs'
export { uploadPoster } from './poster'
export { viewOf } from './progress'
export { CreateVideoJobRequest } from './schemas'
