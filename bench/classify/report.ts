import { execSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'

export const SECTION_HEADING = '## Classification (bench:classify)'

function run(command: string): string {
  try {
    return execSync(command, { encoding: 'utf8' }).trim()
  } catch {
    return 'n/a'
  }
}

export function describeMachine() {
  return {
    date: run('date'),
    nproc: run('nproc'),
    memory: run('free -h').split('\n')[1]?.replace(/\s+/g, ' ') ?? 'n/a',
    cpu: cpus()[0]?.model ?? 'n/a',
    node: process.version,
    load: loadavg()
      .map((value) => value.toFixed(2))
      .join(' / '),
  }
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

/** Replaces only this section of docs/benchmarks.md (its heading up to the next `## `), or appends it. */
export function writeSection(path: string, body: string, heading = SECTION_HEADING): void {
  const section = `${heading}\n\n${body.trim()}\n`
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n'
  const start = current.indexOf(heading)
  if (start < 0) {
    writeFileSync(path, `${current.trimEnd()}\n\n${section}`)
    return
  }
  const after = current.indexOf('\n## ', start + heading.length)
  const rest = after < 0 ? '' : `\n${current.slice(after + 1)}`
  writeFileSync(path, `${current.slice(0, start)}${section}${rest}`)
}
