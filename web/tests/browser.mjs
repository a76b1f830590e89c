// Drives Debian's Chromium (through playwright-core) against a running strikewatch server.
// Run by crates/web/tests/browser.rs:  node browser.mjs BASE_URL OUT_DIR HOSTILE_ARTICLE_ID
// Prints one line per check; exits 1 on the first failure. Screenshots go to OUT_DIR.
import { chromium } from "playwright-core";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

const [base, out, hostileId] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const fail = (msg) => { console.error("FAIL: " + msg); process.exitCode = 1; throw new Error(msg); };
const ok = (msg) => console.log("ok: " + msg);

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push("page error: " + e.message));
  page.on("console", (m) => { if (m.type() === "error") problems.push("console: " + m.text()); });
  page.on("dialog", (d) => { problems.push("dialog opened: " + d.message()); d.dismiss(); });
  page.on("response", (r) => { if (r.status() >= 400 && !r.url().includes("/incidents/nope")) problems.push(`${r.status()} for ${r.url()}`); });
  page.on("request", (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith("data:")) problems.push("request left the server: " + r.url());
  });

  // 1. the ledger loads, with its chart and map
  const res = await page.goto(base + "/");
  if (res.status() !== 200) fail("/ answered " + res.status());
  await page.waitForSelector("table.incidents tbody a.inc");
  const rows = await page.locator("table.incidents tbody tr").count();
  ok(`ledger loads with ${rows} incident rows`);
  await page.waitForSelector("#map[data-ready]", { timeout: 15000 });
  const countries = await page.locator("#map path.leaflet-interactive, #map svg path").count();
  const markers = await page.locator("#map .count-mark").count();
  if (countries < 50) fail(`the map draws ${countries} paths; country outlines missing`);
  ok(`map renders ${countries} paths (outlines and ${markers} markers)`);
  const steps = await page.locator("#chart svg path.step").count();
  const points = await page.locator("#chart svg circle.reported").count();
  if (steps !== 2) fail(`chart has ${steps} series`);
  const box = await page.locator("#chart svg.c-killed").boundingBox();
  if (!box || box.width < 200 || box.height < 40) fail("chart not laid out: " + JSON.stringify(box));
  ok(`chart renders 2 series and ${points} reported totals`);
  await page.screenshot({ path: `${out}/ledger.png`, fullPage: true });
  await page.locator("#map").screenshot({ path: `${out}/map.png` });
  await page.locator("#chart").screenshot({ path: `${out}/chart.png` });

  // filters apply only with the button: changing a field, or moving through a list with the
  // arrow keys, never navigates (WCAG 3.2.2)
  const before = page.url();
  await page.locator("form.filters select[name=type]").selectOption("strike");
  await page.locator("form.filters select[name=grade]").focus();
  await page.keyboard.press("ArrowDown");
  await page.locator("form.filters input[name=from]").fill("2030-01-01");
  await page.waitForTimeout(300);
  if (page.url() !== before) fail("a filter navigated on change: " + page.url());
  await page.locator("form.filters select[name=grade]").selectOption("");
  await Promise.all([page.waitForURL(/type=strike/), page.locator("form.filters button[type=submit]").click()]);
  if (!page.url().includes("from=2030-01-01")) fail("the date was lost: " + page.url());
  await page.waitForSelector("text=No incident matches these filters.");
  ok("filters apply with the button only, keeping every field");
  await page.goto(base + "/");

  // map marks are reachable by keyboard and list their incidents
  await page.waitForSelector("#map[data-ready]", { timeout: 15000 });
  await page.locator("#map .count-mark:not(.cluster)").first().focus();
  await page.keyboard.press("Enter");
  await page.waitForSelector(".leaflet-popup ul.popup-list a[href^='/incidents/inc-']");
  ok("a map mark opens by keyboard and lists its incidents");

  // at a low zoom, places close together are one mark that keeps their count of incidents;
  // selecting it by keyboard zooms in until they part
  await page.goto(base + "/");
  await page.waitForSelector("#map[data-ready]", { timeout: 15000 });
  const shownAll = await page.locator("#map .count-mark span").evaluateAll((s) => s.reduce((a, e) => a + Number(e.textContent), 0));
  const placesN = await page.evaluate(async (u) => (await (await fetch(u)).json()).length, "/api/map");
  // settled: the marks add up to every incident drawn, none half-way through an animation
  // ("one": a single cluster mark; "parted": more than one mark)
  const settle = (want) => page.waitForFunction(([total, want]) => {
    const ms = [...document.querySelectorAll("#map .count-mark")];
    if (ms.reduce((a, m) => a + Number(m.textContent), 0) !== total) return false;
    return want === "one" ? ms.length === 1 && ms[0].classList.contains("cluster") : ms.length > 1;
  }, [shownAll, want], { timeout: 8000 });
  await page.locator("#map").focus();
  for (let k = 0; k < 6; k++) { await page.keyboard.press("Minus"); await page.waitForTimeout(300); }
  await settle("one");
  const cluster = page.locator("#map .count-mark.cluster").first();
  const clusterLabel = (await cluster.getAttribute("aria-label")) || "";
  if (!clusterLabel.startsWith(`${shownAll} incident`) || !clusterLabel.includes(`at ${placesN} places`) || (await cluster.getAttribute("role")) !== "button") fail("the cluster is not a labelled button: " + clusterLabel);
  await cluster.focus();
  await page.keyboard.press("Enter");
  await settle("parted");
  await page.waitForFunction(() => document.activeElement && document.activeElement.classList.contains("count-mark"), null, { timeout: 5000 });
  ok(`zoomed out, ${placesN} places are one mark ("${clusterLabel}"); Enter zooms in and they part, focus on the first of them, ${shownAll} incidents throughout`);

  // a filter changes the table, the chart, the map and the download alike
  await page.goto(base + "/?lang=es");
  await page.waitForSelector("#map[data-ready]", { timeout: 15000 });
  const tableN = await page.locator("table.incidents tbody a.inc").count();
  const mapN = await page.locator("#map .count-mark span").evaluateAll((s) => s.reduce((a, e) => a + Number(e.textContent), 0));
  const chartNote = await page.locator("#chart").locator("xpath=..").locator("p.note").first().textContent();
  const csvHref = await page.locator("a.download").first().getAttribute("href");
  if (tableN < 1) fail("no incident with a Spanish source");
  if (mapN !== tableN) fail(`the map shows ${mapN} incidents, the table ${tableN}`);
  if (!chartNote.includes(`${tableN} incident`)) fail("the chart does not follow the filter: " + chartNote);
  if (!csvHref.includes("lang=es")) fail("the download ignores the filter: " + csvHref);
  const csv = await (await page.request.get(base + csvHref)).text();
  const csvRows = csv.trim().split("\n").length - 1;
  if (csvRows !== tableN) fail(`the download has ${csvRows} rows, the table ${tableN}`);
  ok(`lang=es: table, chart, map and CSV download all hold ${tableN} incidents`);

  // 2. clicking an incident opens its page with the quote highlighted
  const first = page.locator("table.incidents tbody a.inc").first();
  await Promise.all([page.waitForURL(/\/incidents\/inc-/), first.click()]);
  const marks = page.locator("blockquote.quote mark.claim");
  await marks.first().waitFor();
  const nMarks = await marks.count();
  const bg = await marks.first().evaluate((e) => getComputedStyle(e).backgroundColor);
  if (!bg || bg === "rgba(0, 0, 0, 0)") fail("the highlight has no background");
  const markText = await marks.first().textContent();
  const quote = await page.locator("blockquote.quote").first().textContent();
  if (!quote.includes(markText)) fail("highlight not inside its quote");
  ok(`incident page: ${nMarks} highlighted spans, first "${markText}" in "${quote.trim().slice(0, 60)}..."`);
  await page.screenshot({ path: `${out}/incident.png`, fullPage: true });

  // 3. an article whose title, outlet and body carry payloads shows them as text
  await page.goto(`${base}/articles/${hostileId}`);
  const h1 = await page.locator("h1").textContent();
  if (!h1.includes("<script>window.__pwned='title'</script>")) fail("title not shown as text: " + h1);
  const meta = await page.locator("p.meta").first().textContent();
  if (!meta.includes("<svg onload=")) fail("outlet not shown as text: " + meta);
  const body = await page.locator("article.text").textContent();
  if (!body.includes("<script>window.__pwned='body'</script>") || !body.includes("onerror=")) fail("body not shown as text");
  await page.waitForTimeout(300);
  const pwned = await page.evaluate(() => window.__pwned);
  if (pwned !== undefined) fail("a payload ran: " + pwned);
  const injected = await page.evaluate(() => document.querySelectorAll("main img, main svg, main script, a[href^='javascript:']").length);
  if (injected !== 0) fail(`${injected} injected elements in the page`);
  ok("hostile title, outlet and body are shown as text, nothing ran");
  await page.screenshot({ path: `${out}/hostile-article.png`, fullPage: true });

  // a value's link lands on its claim in the article, highlighted and outlined
  await page.goto(base + "/");
  await Promise.all([page.waitForURL(/\/incidents\/inc-/), page.locator("table.incidents tbody a.inc").first().click()]);
  const claimLink = page.locator("a.claimlink").first();
  const href = await claimLink.getAttribute("href");
  await Promise.all([page.waitForURL(/\/articles\/\d+#[rc]\d+/), claimLink.click()]);
  const target = page.locator("mark.claim:target, mark.claim:has(> span.ca:target)");
  if ((await target.count()) !== 1) fail("no claim is the target of " + href);
  const outline = await target.evaluate((e) => getComputedStyle(e).outlineStyle);
  if (outline !== "solid") fail("the target claim is not outlined: " + outline);
  const inView = await target.evaluate((e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
  if (!inView) fail("the target claim is not scrolled into view");
  ok(`a value's link (${href}) lands on its highlighted claim`);
  // a value's quote links to that value's own claim, not to its report's first one
  await page.goBack();
  const quoteLink = page.locator("ul.vquotes a.claimlink").first();
  const figure = await page.locator("ul.vquotes blockquote.vquote").first().getAttribute("data-figure");
  const qhref = await quoteLink.getAttribute("href");
  await Promise.all([page.waitForURL(/\/articles\/\d+#c\d+/), quoteLink.click()]);
  const marked = page.locator("mark.claim:target, mark.claim:has(> span.ca:target)");
  if ((await marked.count()) !== 1) fail("no claim is the target of " + qhref);
  const label = await marked.getAttribute("data-label");
  if (!label.startsWith(figure + ":")) fail(`${qhref} lands on "${label}", not on a ${figure} claim`);
  const qoutline = await marked.evaluate((e) => getComputedStyle(e).outlineStyle);
  if (qoutline !== "solid") fail("the quoted claim is not outlined: " + qoutline);
  ok(`a value's quote (${qhref}) lands on the claim of its value (${label})`);

  // the other pages load without errors
  for (const p of ["/developments", "/articles", "/search?q=vessel", "/search?q=lancha"]) {
    const r = await page.goto(base + p);
    if (r.status() !== 200) fail(`${p} answered ${r.status()}`);
  }
  await page.screenshot({ path: `${out}/search.png`, fullPage: true });
  ok("developments, articles and search pages load");

  // at 1440 and 390 px: no page scrolls sideways; screenshots of /, an incident and the
  // methodology at both widths
  const incidentPath = new URL(await (async () => { await page.goto(base + "/"); return page.locator("table.incidents tbody a.inc").first().evaluate((a) => a.href); })()).pathname;
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const [name, p] of [["ledger", "/"], ["incident", incidentPath], ["methodology", "/methodology"], ["developments", "/developments"], ["articles", "/articles"], ["search", "/search?q=boat"], ["feeds", "/feeds"]]) {
      await page.goto(base + p);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      if (wide > width) fail(`${p} at ${width} px is ${wide} px wide`);
      if (["ledger", "incident", "methodology"].includes(name)) {
        await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: true });
      }
    }
    ok(`no horizontal page scroll at ${width} px`);
  }
  // chart text stays readable on a phone
  await page.goto(base + "/");
  const tick = await page.locator("#chart svg.c-killed text.ytick").first().evaluate((t) => t.getBoundingClientRect().height);
  if (tick < 9) fail(`chart text is ${tick.toFixed(1)} px high at 390 px`);
  ok(`chart text ${tick.toFixed(1)} px high at 390 px`);
  // the killed chart's last figure is drawn inside its chart, not cut at the SVG's edge
  const stick = await page.locator("#chart svg.c-killed").evaluate((svg) => {
    const t = svg.querySelector("text.endlabel");
    return t ? t.getBoundingClientRect().right - svg.getBoundingClientRect().right : null;
  });
  if (stick === null) fail("the killed chart has no end figure");
  if (stick > 0.5) fail(`the killed chart's end figure sticks out of the chart by ${stick.toFixed(1)} px at 390 px`);
  ok("the chart's end figure is inside the chart at 390 px");
  // the Killed column is on screen at 390 px without scrolling the table
  const killedRight = await page.locator("table.incidents th").filter({ hasText: "Killed" }).evaluate((th) => th.getBoundingClientRect().right);
  if (killedRight > 390) fail(`the Killed column ends at ${killedRight.toFixed(0)} px on a 390 px screen`);
  ok("the Killed column is on screen at 390 px");
  // a visually hidden note in a table row ("sources disagree") is absolutely positioned: the
  // box that scrolls the table must be its containing block, or the note widens the page
  const loose = await page.evaluate(() => [...document.querySelectorAll("div.scroll")].filter((d) => getComputedStyle(d).position === "static").length);
  if (loose) fail(`${loose} table scroll boxes are not positioned: a hidden note in them can widen the page`);

  // axe-core: no serious or critical violation on any page, at either width (axe is added to
  // the page by the test, so this context lets that one script past the CSP)
  const axeSource = require("fs").readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const audit = await browser.newContext({ bypassCSP: true });
  const ap = await audit.newPage();
  for (const width of [1440, 390]) {
    await ap.setViewportSize({ width, height: 900 });
    for (const p of ["/", incidentPath, "/methodology", "/developments", "/articles", "/search?q=boat", "/feeds", `/articles/${hostileId}`]) {
      await ap.goto(base + p);
      await ap.addScriptTag({ content: axeSource });
      const found = await ap.evaluate(async () => (await window.axe.run(document, { resultTypes: ["violations"] })).violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")}`));
      if (found.length) fail(`axe at ${width} px on ${p}: ${found.join("; ")}`);
    }
    ok(`axe-core: 0 serious or critical violations on 7 pages at ${width} px`);
  }
  await audit.close();

  if (problems.length) fail("problems seen: " + problems.join("; "));
  ok("no script errors, no dialogs, no request left the server");
} catch (e) {
  if (!process.exitCode) { console.error("FAIL: " + e.message); process.exitCode = 1; }
} finally {
  await browser.close();
}
