import { StrictMode, Suspense } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router-dom'
import { Providers } from './app/providers'
import { router } from './app/router'
import { PageLoading } from './shared/page'
import './app/styles.css'

// After an update the server no longer has the scripts of the page a person still has open: reload once to get
// the new build instead of failing on the next page they open. The stamp stops a loop if the reload fails too.
window.addEventListener('vite:preloadError', (event) => {
  const last = Number(sessionStorage.getItem('fm-reloaded-at') ?? 0)
  if (Date.now() - last < 60_000) return
  event.preventDefault()
  sessionStorage.setItem('fm-reloaded-at', String(Date.now()))
  window.location.reload()
})

const container = document.getElementById('root')
if (!container) throw new Error('#root is missing from index.html')

createRoot(container).render(
  <StrictMode>
    <Providers>
      <Suspense fallback={<PageLoading />}>
        <RouterProvider router={router} />
      </Suspense>
    </Providers>
  </StrictMode>,
)
