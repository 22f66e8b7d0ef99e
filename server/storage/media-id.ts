/**
 * @module storage/media-id
 * The media id pattern (`<sha256 hex>.<ext>`; the key is `media/<id>`), in a module with no
 * imports so that schemas shared with the browser can check media references too.
 */
export const MEDIA_ID = /^[a-f0-9]{64}\.[a-z0-9]{2,5}$/
