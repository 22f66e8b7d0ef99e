/**
 * @module image/limits
 * The studio's input bounds, in a module with no imports so that the routes (built at start)
 * can size their body limits without loading the schemas.
 */

/** The largest input image, decoded (the Imagen services' own limit too). */
export const MAX_INPUT_IMAGE_BYTES = 10 * 1024 * 1024
export const MAX_INPUT_IMAGES = 3
