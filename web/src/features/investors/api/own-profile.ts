import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { InvestorProfileView, SaveInvestorProfile } from './types'

/** 我的投资偏好: the signed-in investor's institution profile (empty until first saved). */
export const getOwnInvestorProfile = () => http.get<InvestorProfileView>('/investors/me/profile')

/** Carries the version the person saw; 409 STALE_VERSION when someone else saved first. */
export const saveOwnInvestorProfile = (input: SaveInvestorProfile) =>
  http.put<InvestorProfileView>('/investors/me/profile', input)

const KEY = ['investors', 'me'] as const

export function useOwnInvestorProfile() {
  return useQuery({ queryKey: KEY, queryFn: getOwnInvestorProfile, retry: false })
}

export function useSaveInvestorProfile() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: saveOwnInvestorProfile,
    onSuccess: (saved) => {
      queryClient.setQueryData(KEY, saved)
      // Matches of projects towards investors read the profile.
      void queryClient.invalidateQueries({ queryKey: ['match'] })
    },
  })
}
