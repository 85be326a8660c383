namespace IngressSim.Reporting.Html;

/// <summary>
/// The page's only style sheet, inline (no CDN, no web font: the system's sans-serif). Sized for reading on a
/// laptop and for printing on A4/Letter: plots scale to the column, tables do not split across pages.
/// </summary>
internal static class ReportStyle
{
    public const string Css = """
        :root { --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --band: #f6f8fa; --accent: #0b5cad; }
        * { box-sizing: border-box; }
        html { background: #fff; }
        body { margin: 0; color: var(--ink); font: 16px/1.55 "Segoe UI", "Helvetica Neue", Helvetica, Arial, "DejaVu Sans", sans-serif; }
        main { max-width: 1120px; margin: 0 auto; padding: 2rem 2rem 3rem; }
        header.report { border-bottom: 4px solid var(--accent); padding-bottom: 1rem; margin-bottom: 1rem; }
        .kicker { margin: 0; color: var(--accent); font-weight: 600; letter-spacing: .08em; text-transform: uppercase; font-size: .8rem; }
        h1 { margin: .1rem 0 .3rem; font-size: 2.1rem; line-height: 1.2; overflow-wrap: anywhere; }
        h2 { margin: 2.4rem 0 .8rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); font-size: 1.4rem; }
        .meta { margin: 0; color: var(--muted); font-size: 1.05rem; }
        .meta strong { color: var(--ink); }
        nav.contents ul { display: flex; flex-wrap: wrap; gap: .4rem; margin: 0; padding: 0; list-style: none; }
        nav.contents a { display: block; padding: .2rem .75rem; border: 1px solid var(--line); border-radius: 999px; color: var(--accent); text-decoration: none; font-size: .9rem; }
        nav.contents a:hover { background: var(--band); }
        .lead { color: var(--muted); margin: 0 0 .9rem; }
        .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(165px, 1fr)); gap: .7rem; margin-bottom: 1rem; }
        .figure { padding: .7rem .85rem; border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 6px; background: var(--band); }
        .figure .label { color: var(--muted); font-size: .78rem; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; }
        .figure .value { font-size: 1.5rem; font-weight: 650; line-height: 1.25; font-variant-numeric: tabular-nums; }
        .figure .detail { color: var(--muted); font-size: .85rem; }
        .statuses { margin: 0; }
        .status { display: inline-block; padding: 0 .45rem; border-radius: 4px; font-weight: 600; font-size: .9rem; }
        .status.ok { background: #dafbe1; color: #116329; }
        .status.error { background: #ffebe9; color: #a40e26; }
        .table { overflow-x: auto; margin: 0 0 1.4rem; }
        table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: .95rem; }
        caption { caption-side: top; text-align: left; font-weight: 600; padding: .3rem 0 .5rem; }
        th, td { padding: .45rem .75rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        thead th { background: var(--band); border-bottom: 2px solid var(--line); font-size: .85rem; white-space: nowrap; }
        tbody th { font-weight: 600; }
        tbody tr:nth-child(even) { background: #fbfbfc; }
        tr.total th, tr.total td { border-top: 2px solid var(--ink); font-weight: 700; }
        .num { text-align: right; white-space: nowrap; }
        table.data th, table.data td { white-space: nowrap; }
        table.data td:last-child { white-space: normal; }
        .significant { color: #116329; font-weight: 600; white-space: nowrap; }
        .not-significant { color: var(--muted); }
        .severity-critical, .severity-error { color: #a40e26; font-weight: 700; }
        .severity-warning { color: #9a6700; font-weight: 700; }
        .detail { color: var(--muted); font-size: .85rem; font-weight: 400; }
        .quiet { color: var(--muted); }
        ul.firings { margin: 0; padding-left: 1.1rem; }
        code { font: .88em/1.4 "DejaVu Sans Mono", Menlo, Consolas, monospace; }
        td code { overflow-wrap: anywhere; }
        dl.variants { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1.2rem; margin: 0; }
        dl.variants dt { font-weight: 700; }
        dl.variants dd { margin: 0; color: var(--muted); }
        figure.plot { margin: 0 0 1.8rem; }
        figure.plot img { display: block; width: 100%; max-width: 1200px; height: auto; border: 1px solid var(--line); border-radius: 6px; }
        figcaption { margin-top: .4rem; color: var(--muted); font-size: .92rem; }
        figcaption .file { margin-left: .4rem; font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .8rem; }
        ol.timeline { list-style: none; margin: 0; padding: 0; }
        ol.timeline li { display: grid; grid-template-columns: 4.5rem 6.5rem 1fr; gap: .8rem; align-items: baseline; padding: .5rem 0; border-bottom: 1px solid var(--line); }
        ol.timeline .clock { font-weight: 700; font-variant-numeric: tabular-nums; text-align: right; }
        ol.timeline .kind { justify-self: start; padding: .05rem .55rem; border-radius: 999px; background: #eaeef2; color: #24292f; font-size: .75rem; font-weight: 600; letter-spacing: .04em; text-transform: uppercase; }
        ol.timeline li[data-kind="reloads"] .kind { background: #f0e6fb; color: #6e2ca5; }
        ol.timeline li[data-kind="hpa"] .kind { background: #ddf4ff; color: #0550ae; }
        ol.timeline li[data-kind="deploy"] .kind { background: #d8f5f0; color: #0b6e63; }
        ol.timeline li[data-kind="traffic"] .kind { background: #fff1e0; color: #9a4b00; }
        ol.timeline li[data-kind="crash"] .kind, ol.timeline li[data-kind="alert"] .kind { background: #ffebe9; color: #a40e26; }
        ol.timeline li[data-kind="phase"] .kind { background: #eaeef2; color: #24292f; }
        pre.scenario { margin: 0; padding: .9rem 1rem; overflow-x: auto; background: var(--band); border: 1px solid var(--line); border-radius: 6px; counter-reset: line; }
        pre.scenario code { font-size: 13px; line-height: 1.5; }
        pre.scenario .line::before { counter-increment: line; content: counter(line); display: inline-block; width: 3.5ch; margin-right: 1.5ch; text-align: right; color: #8c959f; user-select: none; }
        footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
        @media print {
          body { font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          nav.contents { display: none; }
          h2 { break-after: avoid; }
          .figures, .figure, figure.plot, table, ol.timeline li { break-inside: avoid; }
          .table { overflow: visible; }
          table { font-size: 9pt; }
          th, td { padding: .3rem .45rem; }
          figure.plot img { width: auto; max-width: 100%; max-height: 10.5cm; }
          .figure, thead th, tbody tr:nth-child(even), .status, .kind { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
          pre.scenario { white-space: pre-wrap; overflow: visible; }
        }

        """;
}
