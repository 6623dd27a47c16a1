import { Grid } from 'antd'

/** Phone-sized screens: tables show one summary column instead of scrolling sideways. */
export function useCompact(): boolean {
  const screens = Grid.useBreakpoint()
  return screens.md === false
}

/** Columns marked with this are hidden on phones; the summary column shows their content instead. */
export const wideOnly: ('md' | 'lg' | 'xl')[] = ['md']

/**
 * Card `styles` for a title that wraps instead of ending in “…”: antd's head title clips with an ellipsis,
 * and a sub-pixel overflow trips it even when the text fits. Names are what people look for in a list.
 */
export const wrappingCardTitle = { title: { whiteSpace: 'normal', overflow: 'visible' } } as const
