/**
 * @module main
 * Client entry: applies the stored language, mounts the shell with Pinia and the router.
 */
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { initLocale } from './i18n'
import { router } from './router'
import './styles.css'

initLocale()
createApp(App).use(createPinia()).use(router).mount('#app')
