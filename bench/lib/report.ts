import { meets, type Figure } from './stats';

const number = (value: number, unit: Figure['unit']) =>
  unit === '×' ? `${value.toFixed(1)}×` : unit === 'MiB' ? `${value.toFixed(0)} MiB` : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`;

const figureText = (f: Figure) => (f.value === null ? (f.below !== undefined ? `< ${f.below} ms` : '–') : number(f.value, f.unit));

/** The bench table in Markdown: each figure beside its target and its floor. */
export function printTable(figures: Figure[]): void {
  console.log('\n| what | meetings | stat | figure | target | floor (same run) | verdict | samples | note |');
  console.log('| --- | ---: | --- | ---: | --- | --- | --- | ---: | --- |');
  for (const f of figures) {
    const floor = f.floor ? `${number(f.floor.value, f.unit)} (${f.floor.what}; ${(f.value ?? NaN) / f.floor.value > 0 ? `${((f.value ?? NaN) / f.floor.value).toFixed(1)}×` : ''})` : '';
    const verdict = meets(f);
    console.log(
      `| ${f.what} | ${f.meetings} | ${f.stat} | ${figureText(f)} | ${f.target?.text ?? ''} | ${floor} | ${verdict === undefined ? '' : verdict ? 'ok' : 'OVER'} | ${f.samples} | ${f.note ?? ''} |`,
    );
  }
}
