/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * Indicators as the comparison, year, region and methodology pages print them: column headings with
 * the formula, a sum with what it rests on (n reports), a report's value with its fraction, a blank
 * with its reason. The text is the model's (src/archive/compare.ts); nothing is computed here.
 */
import type { AggregateText, IndicatorCell, IndicatorColumn } from '../../src/archive/compare.ts';

/** A column heading: the indicator's name and its formula. With `sortable`, a numeric column of a sortable table. */
export function IndicatorHead({ column, sortable }: { column: IndicatorColumn; sortable?: boolean }) {
  return (
    <th scope="col" data-type={sortable ? 'number' : undefined}>
      {column.name}
      <span class="formula">{` ${column.formula}`}</span>
    </th>
  );
}

/** One sum in a table cell: 「83.3%」, under it 「10/12 · n = 3 份报告」; a blank says why. */
export function AggregateCell({ a }: { a: AggregateText }) {
  const why = a.blank ?? a.fraction;
  return (
    <td class={a.blank !== null ? 'num blank' : 'num'} data-value={a.value === null ? '' : String(a.value)} title={a.blank ?? undefined}>
      {a.text}
      <span class="sub">{`${why ? `${why} · ` : ''}${a.basis}`}</span>
    </td>
  );
}

/** One report's value in a table cell: 「83.3%」 and 「10/12」; a blank is 「—」 with its reason (title) and footnote. */
export function ValueCell({ cell }: { cell: IndicatorCell }) {
  if (cell.blank !== null)
    return (
      <td class="num blank" data-value="" title={cell.blank}>
        {'—'}
        {cell.note !== null ? (
          <a class="note-ref" href={`#blank-${cell.note}`} aria-label={`空白原因 ${cell.note}`}>
            {String(cell.note)}
          </a>
        ) : null}
      </td>
    );
  return (
    <td class="num" data-value={cell.value}>
      {cell.text}
      {cell.fraction ? <span class="sub">{cell.fraction}</span> : null}
    </td>
  );
}

/** Sums as a list of lines: 「公开率 83.3%（10/12，n = 3 份报告）」, each name linking to its definition. */
export function AggregateList({ items }: { items: AggregateText[] }) {
  return (
    <ul class="aggregates">
      {items.map((a) => (
        <li>
          <a href={a.href}>{a.name}</a>
          {` ${a.full}`}
        </li>
      ))}
    </ul>
  );
}
