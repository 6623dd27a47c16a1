import { useCallback } from 'react'
import { useSearchParams } from 'react-router-dom'

export const PORTAL_CITIES = ['330300', '330500', '350200'] as const
const STORAGE_KEY = 'fm-portal-city'

function remembered(): string {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY)
    return value && (PORTAL_CITIES as readonly string[]).includes(value) ? value : PORTAL_CITIES[0]
  } catch {
    return PORTAL_CITIES[0]
  }
}

/** The city the visitor looks at: in the address (`?city=330500`) so links carry it, remembered for next time. */
export function usePortalCity(): [string, (city: string) => void] {
  const [params, setParams] = useSearchParams()
  const fromUrl = params.get('city')
  const city = fromUrl && (PORTAL_CITIES as readonly string[]).includes(fromUrl) ? fromUrl : remembered()
  const setCity = useCallback(
    (next: string) => {
      try {
        window.localStorage.setItem(STORAGE_KEY, next)
      } catch {
        // private browsing: the address still carries the city
      }
      setParams(
        (current) => {
          const copy = new URLSearchParams(current)
          copy.set('city', next)
          copy.delete('page')
          copy.delete('industry')
          return copy
        },
        { replace: true },
      )
    },
    [setParams],
  )
  return [city, setCity]
}
