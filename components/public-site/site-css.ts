/**
 * Styles of the public site's pages (search, comparison, open data…) on top of the document
 * stylesheet, whose page chrome (gk-*) and tables (budget-table) they share. Inlined in every
 * page: no build asset, no script.
 */
export const SITE_CSS = `
.ps-nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.9375rem}
.ps-nav a{color:#fff;text-decoration:underline;text-underline-offset:.15em}
.ps-title{font-size:1.5rem;margin:.5rem 0 1rem;line-height:1.3}
.ps-lead{max-width:48rem;color:var(--doc-muted)}
.ps-form{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.75rem 1rem;align-items:end;margin:0 0 1.5rem;padding:1rem;background:var(--doc-soft-bg);border:1px solid #d0d7de;border-radius:.25rem}
.ps-form .ps-field--wide{grid-column:1/-1}
.ps-form label{display:block;font-size:.875rem;font-weight:600;margin-bottom:.25rem}
.ps-form input,.ps-form select{box-sizing:border-box;width:100%;font:inherit;padding:.375rem .5rem;border:1px solid #57606a;border-radius:.25rem;background:#fff;color:var(--doc-text)}
.ps-form button{font:inherit;padding:.45rem 1.25rem;border:1px solid #0b57a4;border-radius:.25rem;background:#0b57a4;color:#fff;cursor:pointer}
.ps-form input:focus-visible,.ps-form select:focus-visible,.ps-form button:focus-visible{outline:3px solid var(--doc-focus);outline-offset:2px}
.ps-form fieldset{border:1px solid #d0d7de;border-radius:.25rem;padding:.5rem .75rem;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:.25rem 1rem}
.ps-form fieldset legend{font-weight:600;font-size:.875rem;padding:0 .25rem}
.ps-form fieldset label{display:inline;font-weight:400;font-size:.9375rem}
.ps-form input[type=checkbox]{width:auto}
.ps-sort a{color:inherit}
.ps-crumbs{margin:0 0 .75rem;font-size:.875rem;color:var(--doc-muted)}
.ps-crumbs ol{display:flex;flex-wrap:wrap;gap:0 .4em;margin:0;padding:0;list-style:none}
.ps-crumbs li span[aria-hidden]{margin-right:.4em}
.ps-crumbs a{color:var(--doc-link)}
.ps-years{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;margin:0 0 1.5rem;font-size:.875rem}
.ps-years ul{display:flex;flex-wrap:wrap;gap:.5rem;margin:0;padding:0;list-style:none}
.ps-years a{display:inline-block;padding:.25rem .75rem;border:1px solid #d0d7de;border-radius:.25rem}
.ps-years a[aria-current]{background:#13294b;border-color:#13294b;color:#fff}
.ps-region{margin:0 0 2.5rem}
.ps-region__head{display:flex;flex-wrap:wrap;align-items:baseline;gap:0 .75rem;border-bottom:2px solid #1b1b1b;margin:0 0 .75rem}
.ps-region__head h2{font-size:1.25rem;margin:0}
.ps-region__head p{margin:0;font-size:.875rem;color:var(--doc-muted)}
.ps-list{width:100%;border-collapse:collapse;font-size:.9375rem;margin:0 0 1rem}
.ps-list th,.ps-list td{border-bottom:1px solid #d0d7de;padding:.4rem .5rem;text-align:left;vertical-align:top}
.ps-list thead th{background:var(--doc-head-bg);font-weight:600}
.ps-list tr.ps-dept{background:var(--doc-soft-bg)}
.ps-list th[scope=row]{font-weight:400}
.ps-small{display:block;font-size:.8125rem;color:var(--doc-muted)}
.ps-list ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0;padding:0;list-style:none}
@media (max-width:40rem){.ps-wide-only{display:none}}
@media (min-width:40.01rem){.ps-narrow-only{display:none}}
.ps-message{margin:0 0 1rem;padding:.75rem 1rem;border:1px solid #b42318;border-left-width:.375rem;background:#fef3f2}
.ps-empty{margin:0 0 1rem;padding:.75rem 1rem;border:1px solid #d0d7de;background:var(--doc-soft-bg)}
.ps-summary{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline;margin:0 0 1rem}
.ps-results{list-style:none;margin:0;padding:0}
.ps-result{margin:0 0 1rem;padding:0 0 1rem;border-bottom:1px solid #d0d7de}
.ps-result h2{font-size:1.125rem;margin:0 0 .25rem}
.ps-result__meta{margin:0 0 .5rem;font-size:.875rem;color:var(--doc-muted)}
.ps-hits{margin:0;padding-left:1.25rem}
.ps-hits li{margin:.125rem 0}
.ps-kind{display:inline-block;min-width:5.5em;font-size:.8125rem;color:var(--doc-muted)}
.ps-amount{white-space:nowrap;font-variant-numeric:tabular-nums}
mark{background:#fde68a;color:inherit;padding:0 .05em}
.ps-pages{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:1rem 0}
.ps-pages a,.ps-pages span{display:inline-block;min-width:2.25rem;padding:.25rem .5rem;border:1px solid #d0d7de;border-radius:.25rem;text-align:center}
.ps-pages [aria-current]{background:#13294b;color:#fff;border-color:#13294b}
.ps-links{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin:0 0 1rem;padding:0;list-style:none}
.gk-page main a{color:var(--doc-link)}
.ps-table-wrap{overflow-x:auto;margin:0 0 1.5rem;position:relative}
.ps-table{border-collapse:collapse;font-size:.9375rem;min-width:100%}
.ps-table caption{text-align:left;font-weight:700;margin:0 0 .5rem}
.ps-table th,.ps-table td{border:1px solid var(--doc-rule);padding:.3rem .5rem;vertical-align:top}
.ps-table thead th{background:var(--doc-head-bg)}
.ps-table td.ps-num,.ps-table th.ps-num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.ps-table tr.ps-total td,.ps-table tr.ps-total th{background:var(--doc-total-bg);font-weight:700}
.ps-up{color:#9a3412}.ps-down{color:#166534}
.ps-chart{margin:0 0 2rem;break-inside:avoid;min-width:0}
.ps-chart__svg{overflow-x:auto}
.ps-table th[scope=row]{min-width:6em;text-align:left}
.ps-chart svg{max-width:100%;height:auto}
.ps-chart figcaption{font-weight:700;margin:0 0 .5rem}
.ps-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1rem 2rem;align-items:start}
.ps-section{margin:0 0 2rem}
.ps-section h2{font-size:1.25rem;margin:1.5rem 0 .75rem}
@media print{.ps-form,.ps-nav,.ps-pages,.gk-skip-link{display:none}.ps-chart{page-break-inside:avoid}}
`;
