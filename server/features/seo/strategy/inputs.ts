/**
 * @module seo/strategy/inputs
 * Request pieces several strategy steps share.
 */
import * as v from 'valibot'
import { BrandProfile, ProjectConfig } from '../../brand/profile'

/** A brand profile that has at least one project (the steps that plan content need one). */
export const ProfileWithProject = v.object({
  ...BrandProfile.entries,
  projects: v.pipe(
    v.array(ProjectConfig),
    v.minLength(1, 'The brand profile needs at least one project'),
    v.maxLength(20)
  ),
})
