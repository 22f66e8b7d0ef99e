/**
 * @module stores/seo-publishing
 * Publishing the open project's article to WordPress (Pinia setup store): the workspace's
 * connection (the password goes to the server once and never comes back), and the publish that
 * makes or updates the project's draft, remembered in the project.
 */
import { defineStore } from 'pinia'
import { type ConnectBody, wordPressApi } from '../api/search-console'
import { useRequest } from '../composables/useRequest'
import { useSeoProjectStore } from './seo-project'

export const useSeoPublishingStore = defineStore('seo-publishing', () => {
  const project = useSeoProjectStore()

  const connection = useRequest((signal) => wordPressApi.connection(signal))
  const connecting = useRequest((signal, body: ConnectBody) => wordPressApi.connect(body, signal), {
    onSuccess: (value) => {
      connection.state.value = value
    },
  })
  const disconnecting = useRequest(async (signal) => {
    await wordPressApi.disconnect(signal)
    connection.state.value = { connected: false }
    return true
  })

  const publish = useRequest((signal, categories: string[]) => {
    const doc = project.document
    if (!doc?.article || !doc.metadata) throw new Error('nothing to publish')
    return wordPressApi.publish(
      {
        projectId: doc.id,
        article: doc.article,
        title: doc.metadata.seoTitle,
        slug: doc.metadata.slug,
        excerpt: doc.metadata.seoDescription,
        categories,
        tags: doc.metadata.tags,
      },
      signal
    )
  })

  async function runPublish(categories: string[]): Promise<boolean> {
    const result = await publish.execute(categories)
    const site = connection.state.value?.siteUrl
    if (!result || !site) return false
    project.update((doc) => ({
      ...doc,
      publication: {
        wordpress: {
          siteUrl: site,
          postId: result.postId,
          status: result.status,
          link: result.link,
          editUrl: result.editUrl,
          pageUrl: result.pageUrl,
          publishedAt: new Date().toISOString(),
        },
      },
    }))
    return true
  }

  return { connection, connecting, disconnecting, publish, runPublish }
})
