export function BrandMark({ compact = false }: { compact?: boolean }) {
  return (
    <div className={compact ? 'fm-brandmark fm-brandmark-compact' : 'fm-brandmark'}>
      <svg width={compact ? 36 : 44} height={compact ? 36 : 44} viewBox="0 0 64 64" aria-hidden="true">
        <rect width="64" height="64" rx="14" fill={compact ? '#1456c8' : '#ffffff'} />
        <path d="M14 46 L30 18 L38 32 L44 24 L52 46 Z" fill={compact ? '#ffffff' : '#1456c8'} />
        <circle cx="44" cy="16" r="5" fill="#ffb020" />
      </svg>
      <div>
        <div className="fm-brandmark-name">首公里</div>
        <div className="fm-brandmark-sub">概念验证与科技成果转化服务平台</div>
      </div>
    </div>
  )
}
