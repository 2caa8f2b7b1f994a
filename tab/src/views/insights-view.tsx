// Indsigt, the charter owners' page: what colleagues ask the bot in a chosen
// period, as charts and tables, with a CSV export. Loaded only when opened
// (its own chunk), fetched with the Teams sign-on token; the server decides
// who may see it (ADMIN_IDS) and keeps no person with a question.
import { useEffect, useState } from 'react';
import { Button, Select } from '@fluentui/react-components';
import { perspective, row } from '../../../data/charter';
import type { Insights } from '../../../data/insights';
import { useShared } from '../shared';
import { BarList, PerDayChart } from '../insights/charts';
import { insightsStrings, type InsightsStrings } from '../insights/strings';
import '../insights/insights.css';

const PERIODS = [7, 30, 90, 365];

/** The last `days` days up to today (UTC, as the server counts them). */
function periodOf(days: number): { from: string; to: string } {
  const to = new Date();
  const from = new Date(to.getTime() - (days - 1) * 86_400_000);
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

type Loaded = { state: 'loading' } | { state: 'failed'; forbidden: boolean } | { state: 'ready'; data: Insights };
type Answer = Exclude<Loaded, { state: 'loading' }> & { query: string };

export function InsightsView() {
  const { lang, t, api } = useShared();
  const s = insightsStrings(lang);
  const [days, setDays] = useState(30);
  const [answer, setAnswer] = useState<Answer>();
  const number = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'da-DK');
  const format = (n: number) => number.format(n);
  const { from, to } = periodOf(days);
  const query = `/api/insights?from=${from}&to=${to}`;

  // What was last fetched, for the period shown now; anything else is still loading.
  const loaded: Loaded = !api ? { state: 'failed', forbidden: true } : answer?.query === query ? answer : { state: 'loading' };

  useEffect(() => {
    if (!api) return;
    let live = true;
    api(query)
      .then(async (res) => {
        const next: Answer = res.ok
          ? { state: 'ready', data: (await res.json()) as Insights, query }
          : { state: 'failed', forbidden: res.status === 403 || res.status === 401, query };
        if (live) setAnswer(next);
      })
      .catch(() => live && setAnswer({ state: 'failed', forbidden: false, query }));
    return () => {
      live = false;
    };
  }, [api, query]);

  const download = async () => {
    const res = await api?.(`${query}&format=csv`);
    if (!res?.ok) return;
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `hvidovrevejen-indsigt-${from}-${to}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section aria-labelledby="insights-title" className="insights-view" aria-busy={loaded.state === 'loading'}>
      <h2 id="insights-title" tabIndex={-1}>
        {t.nav.insights}
      </h2>
      <p className="insights-intro">{s.intro}</p>
      <div className="insights-controls">
        <label className="picker">
          <span>{s.period}</span>
          <Select size="small" value={String(days)} onChange={(_e, d) => setDays(Number(d.value))} data-testid="insights-period">
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {s.periods[p]}
              </option>
            ))}
          </Select>
        </label>
        <Button size="small" onClick={() => void download()} disabled={loaded.state !== 'ready'} data-testid="insights-csv">
          {s.csv}
        </Button>
      </div>
      {loaded.state === 'loading' && <p role="status">{s.loading}</p>}
      {loaded.state === 'failed' && <p role="alert">{loaded.forbidden ? s.forbidden : s.failed}</p>}
      {loaded.state === 'ready' && <Figures data={loaded.data} s={s} format={format} />}
    </section>
  );
}

function Figures({ data, s, format }: { data: Insights; s: InsightsStrings; format: (n: number) => string }) {
  const intentName = (i: string) => s.intentNames[i] ?? i;
  return (
    <div className="insights-figures" data-testid="insights">
      <dl className="insights-totals">
        {(
          [
            [s.questions, data.totals.questions, 'questions'],
            [s.notUnderstood, data.totals.unrecognized, 'unrecognized'],
            [s.up, data.totals.up, 'up'],
            [s.down, data.totals.down, 'down'],
          ] as const
        ).map(([label, n, key]) => (
          <div key={key} data-total={key}>
            <dt>{label}</dt>
            <dd>{format(n)}</dd>
          </div>
        ))}
      </dl>
      <PerDayChart days={data.perDay} s={s} format={format} />
      <div className="insights-grid">
        <BarList
          title={s.perspectives}
          format={format}
          bars={data.perspectives.map((p) => ({ key: p.id, label: perspective(p.id).title, count: p.count, tone: p.id }))}
        />
        <BarList
          title={s.roles}
          format={format}
          bars={data.roles.map((r) => ({ key: r.id, label: r.id === 'alle' ? s.everyone : row(r.id).name, count: r.count }))}
        />
        <BarList
          title={s.intents}
          format={format}
          bars={data.intents.map((i) => ({ key: i.intent, label: intentName(i.intent), count: i.count }))}
        />
      </div>
      <section>
        <h3>{s.notUnderstoodTitle}</h3>
        {data.notUnderstood.length ? (
          <table className="insights-table" data-testid="not-understood">
            <thead>
              <tr>
                <th scope="col">{s.question}</th>
                <th scope="col">{s.times}</th>
                <th scope="col">{s.last}</th>
              </tr>
            </thead>
            <tbody>
              {data.notUnderstood.map((u) => (
                <tr key={`${u.question}-${u.last}`}>
                  <td>{u.question}</td>
                  <td>{format(u.count)}</td>
                  <td>{u.last.slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{s.none}</p>
        )}
      </section>
      <section>
        <h3>{s.votesTitle}</h3>
        {data.votes.length ? (
          <table className="insights-table" data-testid="votes">
            <thead>
              <tr>
                <th scope="col">{s.kind}</th>
                <th scope="col">{s.up}</th>
                <th scope="col">{s.down}</th>
              </tr>
            </thead>
            <tbody>
              {data.votes.map((v) => (
                <tr key={v.intent}>
                  <th scope="row">{intentName(v.intent)}</th>
                  <td>{format(v.up)}</td>
                  <td>{format(v.down)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{s.none}</p>
        )}
        <h3>{s.downTitle}</h3>
        {data.downVoted.length ? (
          <table className="insights-table" data-testid="down-voted">
            <thead>
              <tr>
                <th scope="col">{s.question}</th>
                <th scope="col">{s.kind}</th>
                <th scope="col">{s.times}</th>
              </tr>
            </thead>
            <tbody>
              {data.downVoted.map((d) => (
                <tr key={`${d.intent}-${d.question}`}>
                  <td>{d.question}</td>
                  <td>{intentName(d.intent)}</td>
                  <td>{format(d.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{s.none}</p>
        )}
      </section>
    </div>
  );
}
