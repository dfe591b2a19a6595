/**
 * How the class table is being looked at: sort, filters, the class (folder) shown, and where the teacher was.
 * Kept outside the table component so that opening a document and coming back finds the table as it was
 * (same order, same filter, same scroll position, focus on the row just read), and so that "next student"
 * in the document view follows the order the teacher sees.
 */
import type { DocumentResult } from '../../../../shared/types'
import {
  classKeyOf,
  filterRows,
  sortRows,
  toRow,
  type RowFilter,
  type SortDirection,
  type SortKey,
  type TableRow
} from '../format/table-rows'

export interface ClassGroup {
  /** The folder the files are in (full path): one class or assignment. */
  key: string
  /** Its last path segment, e.g. "Year 10 – Essay 2". */
  name: string
  count: number
}

export const ALL_CLASSES = ''

export class TableViewStore {
  sortKey = $state<SortKey>('concern')
  direction = $state<SortDirection>('desc')
  query = $state('')
  filter = $state<RowFilter>('all')
  /** The class (folder) shown; ALL_CLASSES shows every kept result, grouped by class. */
  classKey = $state<string>(ALL_CLASSES)
  /** Window scroll position when a document was opened from the table. */
  scrollY = 0
  /** The document opened last from the table (or reached with next/previous): its row gets focus back. */
  lastOpened = $state<string | null>(null)

  // One row object per result object, so unchanged results keep their row (and their DOM) when a batch adds files.
  private readonly rowCache = new WeakMap<DocumentResult, TableRow>()

  rowFor(result: DocumentResult): TableRow {
    let row = this.rowCache.get(result)
    if (!row) this.rowCache.set(result, (row = toRow(result)))
    return row
  }

  sortBy(key: SortKey): void {
    if (this.sortKey === key) this.direction = this.direction === 'asc' ? 'desc' : 'asc'
    else {
      this.sortKey = key
      this.direction = key === 'student' ? 'asc' : 'desc'
    }
  }

  /** Every row of the chosen class (before the name and status filters). */
  classRows(results: readonly DocumentResult[]): TableRow[] {
    const rows = results.map((r) => this.rowFor(r))
    return this.classKey === ALL_CLASSES ? rows : rows.filter((r) => r.classKey === this.classKey)
  }

  /** The rows shown, in the order shown. */
  visibleRows(results: readonly DocumentResult[]): TableRow[] {
    const rows = sortRows(
      filterRows(this.classRows(results), this.query, this.filter),
      this.sortKey,
      this.direction
    )
    if (this.classKey !== ALL_CLASSES) return rows
    // All classes: one class after another (in the order each first appears), the chosen order inside each.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throw-away index; nothing renders it
    const order = new Map<string, number>()
    for (const r of results) {
      const key = classKeyOf(r.path)
      if (!order.has(key)) order.set(key, order.size)
    }
    return rows
      .map((row, i) => ({ row, i }))
      .sort((a, b) => (order.get(a.row.classKey) ?? 0) - (order.get(b.row.classKey) ?? 0) || a.i - b.i)
      .map(({ row }) => row)
  }

  classes(results: readonly DocumentResult[]): ClassGroup[] {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a throw-away index; nothing renders it
    const groups = new Map<string, ClassGroup>()
    for (const r of results) {
      const key = classKeyOf(r.path)
      const group = groups.get(key)
      if (group) group.count++
      else groups.set(key, { key, name: key.split(/[\\/]/).pop() || key, count: 1 })
    }
    return [...groups.values()]
  }

  /** Shows one class: a newly opened folder is shown on its own, never merged into the class before it. */
  showClass(key: string): void {
    this.classKey = key
  }

  /** The previous and next document in the order the teacher sees (wrapping off neither end). */
  neighbours(
    results: readonly DocumentResult[],
    path: string
  ): { previous: string | null; next: string | null; position: number; count: number } {
    let paths = this.visibleRows(results).map((r) => r.path)
    if (!paths.includes(path)) paths = results.map((r) => r.path)
    const i = paths.indexOf(path)
    return {
      previous: i > 0 ? paths[i - 1] : null,
      next: i >= 0 && i < paths.length - 1 ? paths[i + 1] : null,
      position: i + 1,
      count: paths.length
    }
  }
}
