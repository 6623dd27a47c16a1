import { Grid } from 'antd'

/** Phone-sized screens: tables show one summary column instead of scrolling sideways. */
export function useCompact(): boolean {
  const screens = Grid.useBreakpoint()
  return screens.md === false
}

/** Columns marked with this are hidden on phones; the summary column shows their content instead. */
export const wideOnly: ('md' | 'lg' | 'xl')[] = ['md']
