/**
 * @module env
 * Ambient types for the client build: Vite's client types (CSS imports, import.meta.env).
 */
/// <reference types="vite/client" />
