export function BrandLogo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" role="img" aria-label="首公里">
      <rect width="64" height="64" rx="14" fill="#1456c8" />
      <path d="M14 46 L30 18 L38 32 L44 24 L52 46 Z" fill="#fff" opacity="0.95" />
      <circle cx="44" cy="16" r="5" fill="#ffd666" />
    </svg>
  )
}

export const platformName = '首公里'
export const platformFullName = '概念验证与科技成果转化服务平台'
