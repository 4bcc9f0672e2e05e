// Over 300 lines: one TanStack table drives header, filters, virtual rows, selection and export together.
/**
 * The fast table of the Gegevens view: a real <table> (caption, column headers, aria-sort, aria-rowcount and
 * aria-rowindex) that only renders the rows in sight, so thousands of rows scroll smoothly. Sort by a column header
 * (button; Shift adds a second column), a filter per column, one search box, columns to show or hide (remembered),
 * select rows (Shift+click selects a range), and "Exporteer deze weergave" to CSV or xlsx.
 */
import {
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnFiltersState,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Popover } from '../../components/popover';
import { Button } from '../../components/ui';
import { exportView, type Cell } from './export';
import {
  compareValues,
  loadHiddenColumns,
  matchesFilter,
  normaliseText,
  rangeBetween,
  saveHiddenColumns,
  sortValue,
} from './table-logic';

export interface ColumnSpec<R> {
  readonly id: string;
  readonly label: string;
  /** The value to sort, filter, search and export on. */
  readonly value: (row: R) => string | number | null;
  /** What the cell shows (default: the value, numbers in Dutch notation). */
  readonly cell?: (row: R) => ReactNode;
  /** What the export writes (default: the value). */
  readonly exportValue?: (row: R) => Cell;
  readonly numeric?: boolean;
  /** Width in pixels. */
  readonly width: number;
  /** Hidden until you choose to show it. */
  readonly hidden?: boolean;
  /** Part of what the search box looks in (default: text columns yes, number columns no). */
  readonly search?: boolean;
}

export interface DataTableProps<R> {
  /** Also the key of the remembered column choice. */
  readonly tableId: string;
  readonly caption: string;
  readonly rows: readonly R[];
  readonly columns: readonly ColumnSpec<R>[];
  readonly getId: (row: R) => RowKey;
  /** The name of a row, for "Selecteer ‘…’". */
  readonly rowLabel: (row: R) => string;
  /** This column's cell is a button that opens the item; it is also the row header. */
  readonly openColumn?: string;
  readonly onOpen?: (row: R) => void;
  readonly selectable?: boolean;
  /** Buttons next to the search box ("Organisatie toevoegen"). */
  readonly actions?: ReactNode;
  /** Buttons for the selected rows ("Wijzig selectie", "Verwijder selectie"). */
  readonly selectionActions?: (selected: readonly R[], clear: () => void) => ReactNode;
  /** "organisaties": the file name of an export. */
  readonly exportBase: string;
  /** "12 van 148 organisaties" */
  readonly countLabel: (shown: number, total: number) => string;
  readonly empty: ReactNode;
}

export type RowKey = number | string;

/** Rows are measured as they render (text may be enlarged); this is the first guess. */
const ROW_HEIGHT = 41;

export function DataTable<R>(props: DataTableProps<R>) {
  const {
    tableId,
    caption,
    rows,
    columns,
    getId,
    rowLabel,
    openColumn,
    onOpen,
    selectable,
    actions,
    selectionActions,
    exportBase,
    countLabel,
    empty,
  } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const uid = useId();
  const [zoek, setZoek] = useState('');
  const [sorting, setSorting] = useState<SortingState>([]);
  const [filters, setFilters] = useState<ColumnFiltersState>([]);
  const [visibility, setVisibility] = useState<VisibilityState>(() =>
    loadHiddenColumns(
      tableId,
      columns.filter((c) => c.hidden).map((c) => c.id),
    ),
  );
  const [selected, setSelected] = useState<ReadonlySet<RowKey>>(new Set());
  const [exporting, setExporting] = useState(false);
  const lastClicked = useRef<number | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const specs = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);

  // The search box looks in every column at once: all words must occur somewhere in the row.
  const searchable = useMemo(() => {
    const inSearch = columns.filter((c) => c.search ?? !c.numeric);
    return rows.map((r) => normaliseText(inSearch.map((c) => c.value(r) ?? '').join(' ')));
  }, [rows, columns]);
  const searched = useMemo(() => {
    const words = normaliseText(zoek).split(' ').filter(Boolean);
    if (words.length === 0) return rows;
    return rows.filter((_, i) => words.every((w) => searchable[i]!.includes(w)));
  }, [rows, searchable, zoek]);

  const columnDefs = useMemo<ColumnDef<R>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        header: c.label,
        accessorFn: (row: R) => sortValue(c.value(row)),
        sortUndefined: 'last',
        sortingFn: (a, b, id) => compareValues(a.getValue(id), b.getValue(id)),
        filterFn: (row, _id, value: string) => matchesFilter(c.value(row.original), value, c.numeric),
        enableHiding: c.id !== openColumn,
      })),
    [columns, openColumn],
  );

  // TanStack Table keeps its own memoised models; the React Compiler must leave this hook alone.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: searched as R[],
    columns: columnDefs,
    state: { sorting, columnFilters: filters, columnVisibility: visibility },
    onSortingChange: setSorting,
    onColumnFiltersChange: setFilters,
    onColumnVisibilityChange: (updater) =>
      setVisibility((old) => {
        const next = typeof updater === 'function' ? updater(old) : updater;
        saveHiddenColumns(tableId, next);
        return next;
      }),
    getRowId: (row) => String(getId(row)),
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
    sortDescFirst: false,
    isMultiSortEvent: (e) => (e as MouseEvent).shiftKey,
  });

  const viewRows = table.getRowModel().rows;
  const visibleColumns = table.getVisibleLeafColumns();

  const virtualizer = useVirtualizer({
    count: viewRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  // Selection is part of what you see: a new search or filter starts a new selection.
  const filterKey = JSON.stringify([zoek, filters]);
  const [selectionFor, setSelectionFor] = useState(filterKey);
  if (selectionFor !== filterKey) {
    setSelectionFor(filterKey);
    setSelected(new Set());
    lastClicked.current = null;
  }
  const selectedRows = useMemo(
    () => (selected.size ? viewRows.filter((r) => selected.has(getId(r.original))).map((r) => r.original) : []),
    [viewRows, selected, getId],
  );

  const allSelected = viewRows.length > 0 && selectedRows.length === viewRows.length;
  const someSelected = selectedRows.length > 0 && !allSelected;
  const selectAllRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = someSelected;
  }, [someSelected]);

  const toggleRow = (index: number, shift: boolean) => {
    const row = viewRows[index];
    if (!row) return;
    const id = getId(row.original);
    const on = !selected.has(id);
    const next = new Set(selected);
    const indexes = shift && lastClicked.current !== null ? rangeBetween(lastClicked.current, index) : [index];
    for (const i of indexes) {
      const r = viewRows[i];
      if (!r) continue;
      if (on) next.add(getId(r.original));
      else next.delete(getId(r.original));
    }
    lastClicked.current = index;
    setSelected(next);
  };
  const toggleAll = () => {
    lastClicked.current = null;
    setSelected(allSelected ? new Set() : new Set(viewRows.map((r) => getId(r.original))));
  };
  const clearSelection = () => {
    lastClicked.current = null;
    setSelected(new Set());
  };

  const filtered = zoek.trim() !== '' || filters.length > 0;
  const showAll = () => {
    setZoek('');
    setFilters([]);
  };

  const doExport = async (format: 'csv' | 'xlsx') => {
    setExporting(true);
    try {
      const cols = visibleColumns.map((c) => specs.get(c.id)!);
      await exportView(
        {
          columns: cols.map((c) => c.label),
          rows: viewRows.map((r) => cols.map((c) => (c.exportValue ?? c.value)(r.original))),
        },
        exportBase,
        format,
        caption,
      );
    } finally {
      setExporting(false);
    }
  };

  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const colCount = visibleColumns.length + (selectable ? 1 : 0);
  const totalWidth = visibleColumns.reduce((s, c) => s + specs.get(c.id)!.width, selectable ? 44 : 0);

  const showValue = (c: ColumnSpec<R>, row: R): ReactNode => {
    if (c.cell) return c.cell(row);
    const v = c.value(row);
    if (v === null || v === '') return '';
    return typeof v === 'number' ? new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL').format(v) : v;
  };

  return (
    <div className="wijkweb-datatable" data-testid={`tabel-${tableId}`}>
      <div className="wijkweb-toolbar">
        <div className="wijkweb-toolbar__search">
          <label className="utrecht-form-label" htmlFor={`${uid}-zoek`}>
            {t('gegevens.zoeken')}
          </label>
          <input
            id={`${uid}-zoek`}
            type="search"
            className="utrecht-textbox utrecht-textbox--html-input"
            value={zoek}
            onChange={(e) => setZoek(e.target.value)}
          />
        </div>
        <ColumnChooser
          columns={table
            .getAllLeafColumns()
            .filter((c) => c.getCanHide())
            .map((c) => ({
              id: c.id,
              label: specs.get(c.id)!.label,
              visible: c.getIsVisible(),
              toggle: (v: boolean) => c.toggleVisibility(v),
            }))}
        />
        <Popover label={t('gegevens.exporteerKnop')} testId="exporteren">
          {(close) => (
            <div className="wijkweb-popover__body">
              <p className="utrecht-paragraph wijkweb-hint">{t('gegevens.exportUitleg')}</p>
              <div className="wijkweb-popover__buttons">
                <Button disabled={exporting || viewRows.length === 0} onClick={() => void doExport('csv').then(close)}>
                  {t('gegevens.exportCsv')}
                </Button>
                <Button disabled={exporting || viewRows.length === 0} onClick={() => void doExport('xlsx').then(close)}>
                  {t('gegevens.exportXlsx')}
                </Button>
              </div>
            </div>
          )}
        </Popover>
      </div>
      <div className="wijkweb-toolbar wijkweb-toolbar--status wijkweb-compact">
        <span className={filtered ? 'wijkweb-chip' : undefined} data-testid="telling" aria-live="polite">
          {countLabel(viewRows.length, rows.length)}
        </span>
        {filtered && (
          <Button appearance="subtle" onClick={showAll}>
            {t('gegevens.allesTonen')}
          </Button>
        )}
        {selectable && selectedRows.length > 0 && (
          <>
            <span className="wijkweb-chip wijkweb-chip--selectie" data-testid="selectie">
              {t('gegevens.geselecteerd', { count: selectedRows.length })}
            </span>
            {selectionActions?.(selectedRows, clearSelection)}
            <Button appearance="subtle" onClick={clearSelection}>
              {t('gegevens.selectieOpheffen')}
            </Button>
          </>
        )}
        {actions && <div className="wijkweb-toolbar__actions">{actions}</div>}
      </div>
      {rows.length === 0 ? (
        <div className="wijkweb-card wijkweb-empty">{empty}</div>
      ) : (
        <div className="wijkweb-datatable__scroll" ref={scrollRef}>
          <table
            className="utrecht-table utrecht-table--html-table utrecht-table--fixed wijkweb-datatable__table"
            aria-rowcount={viewRows.length + 2}
            style={{ width: totalWidth }}
          >
            <caption className="utrecht-table__caption">{caption}</caption>
            <colgroup>
              {selectable && <col style={{ width: 44 }} />}
              {visibleColumns.map((c) => (
                <col key={c.id} style={{ width: specs.get(c.id)!.width }} />
              ))}
            </colgroup>
            <thead className="utrecht-table__header wijkweb-datatable__head">
              <tr className="utrecht-table__row" aria-rowindex={1}>
                {selectable && (
                  <th scope="col" className="utrecht-table__header-cell wijkweb-datatable__select">
                    <span className="wijkweb-visually-hidden">{t('gegevens.selectie')}</span>
                    <input
                      ref={selectAllRef}
                      type="checkbox"
                      checked={allSelected}
                      disabled={viewRows.length === 0}
                      aria-label={t('gegevens.allesSelecteren', { count: viewRows.length })}
                      onChange={toggleAll}
                    />
                  </th>
                )}
                {visibleColumns.map((c) => {
                  const spec = specs.get(c.id)!;
                  const dir = c.getIsSorted();
                  const order = sorting.length > 1 && dir ? c.getSortIndex() + 1 : null;
                  return (
                    <th
                      key={c.id}
                      scope="col"
                      className={
                        spec.numeric
                          ? 'utrecht-table__header-cell utrecht-table__header-cell--numeric-column'
                          : 'utrecht-table__header-cell'
                      }
                      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                    >
                      <button
                        type="button"
                        className="wijkweb-sort"
                        onClick={c.getToggleSortingHandler()}
                        title={t('gegevens.sorteerUitleg')}
                      >
                        <span className="wijkweb-sort__label">{spec.label}</span>
                        <span aria-hidden="true" className={dir ? 'wijkweb-sort__icon' : 'wijkweb-sort__icon--off'}>
                          {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
                          {order}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
              <tr className="utrecht-table__row wijkweb-datatable__filters" aria-rowindex={2}>
                {selectable && <td className="utrecht-table__cell" />}
                {visibleColumns.map((c) => {
                  const spec = specs.get(c.id)!;
                  return (
                    <td key={c.id} className="utrecht-table__cell">
                      <input
                        type="search"
                        className="utrecht-textbox utrecht-textbox--html-input wijkweb-datatable__filter"
                        aria-label={t('gegevens.filterOp', { kolom: spec.label })}
                        title={spec.numeric ? t('gegevens.filterUitlegGetal') : t('gegevens.filterUitleg')}
                        value={(c.getFilterValue() as string | undefined) ?? ''}
                        onChange={(e) => c.setFilterValue(e.target.value || undefined)}
                      />
                    </td>
                  );
                })}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {padTop > 0 && (
                <tr aria-hidden="true" className="wijkweb-datatable__spacer">
                  <td colSpan={colCount} style={{ height: padTop }} />
                </tr>
              )}
              {items.map((v) => {
                const row = viewRows[v.index]!;
                const id = getId(row.original);
                const isSelected = selected.has(id);
                return (
                  <tr
                    key={row.id}
                    className={isSelected ? 'utrecht-table__row utrecht-table__row--selected' : 'utrecht-table__row'}
                    aria-rowindex={v.index + 3}
                    data-id={id}
                    data-index={v.index}
                    ref={virtualizer.measureElement}
                  >
                    {selectable && (
                      <td className="utrecht-table__cell wijkweb-datatable__select">
                        <input
                          type="checkbox"
                          checked={isSelected}
                          aria-label={t('gegevens.selecteer', { naam: rowLabel(row.original) })}
                          onChange={() => undefined}
                          onClick={(e) => toggleRow(v.index, e.shiftKey)}
                        />
                      </td>
                    )}
                    {visibleColumns.map((c) => {
                      const spec = specs.get(c.id)!;
                      const content = showValue(spec, row.original);
                      const cls = spec.numeric
                        ? 'utrecht-table__cell utrecht-table__cell--numeric-column'
                        : 'utrecht-table__cell';
                      if (c.id === openColumn) {
                        return (
                          <th key={c.id} scope="row" className={`${cls} wijkweb-datatable__rowheader`}>
                            {onOpen ? (
                              <button
                                type="button"
                                className="utrecht-link-button utrecht-link-button--html-button wijkweb-open"
                                onClick={() => onOpen(row.original)}
                              >
                                {content || t('gegevens.zonderNaam')}
                              </button>
                            ) : (
                              content
                            )}
                          </th>
                        );
                      }
                      return (
                        <td
                          key={c.id}
                          className={cls}
                          title={typeof content === 'string' && content.length > 24 ? content : undefined}
                        >
                          {content}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
              {padBottom > 0 && (
                <tr aria-hidden="true" className="wijkweb-datatable__spacer">
                  <td colSpan={colCount} style={{ height: padBottom }} />
                </tr>
              )}
            </tbody>
          </table>
          {viewRows.length === 0 && <p className="utrecht-paragraph wijkweb-hint">{t('gegevens.geenTreffers')}</p>}
        </div>
      )}
    </div>
  );
}

/** "Kolommen": a checkbox per column. */
function ColumnChooser({
  columns,
}: {
  columns: readonly { id: string; label: string; visible: boolean; toggle: (v: boolean) => void }[];
}) {
  const { t } = useTranslation();
  const hiddenCount = columns.filter((c) => !c.visible).length;
  return (
    <Popover label={hiddenCount ? t('gegevens.kolommenVerborgen', { count: hiddenCount }) : t('gegevens.kolommen')}>
      {() => (
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t('gegevens.kolommenKiezen')}
          </legend>
          <ul className="wijkweb-plain-list">
            {columns.map((c) => (
              <li key={c.id}>
                <label className="wijkweb-radio">
                  <input type="checkbox" checked={c.visible} onChange={(e) => c.toggle(e.target.checked)} />
                  {c.label}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </Popover>
  );
}
