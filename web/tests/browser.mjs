// Drives Debian's Chromium (through playwright-core) against a running strikewatch server.
// Run by crates/web/tests/browser.rs:  node browser.mjs BASE_URL OUT_DIR HOSTILE_ARTICLE_ID
// Prints one line per check; exits 1 on the first failure. Screenshots go to OUT_DIR.
import { chromium } from "playwright-core";

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
  const markers = await page.locator("#map path.leaflet-interactive").count();
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

  // sorting and filters work (the filter applies on change, by script)
  await page.locator("form.filters select[name=type]").selectOption("raid");
  await page.waitForURL(/type=raid/);
  await page.waitForSelector("text=No incident matches these filters.");
  ok("filter by type applies on change");
  await page.goto(base + "/");

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

  // the other pages load without errors
  for (const p of ["/developments", "/articles", "/search?q=vessel", "/search?q=lancha"]) {
    const r = await page.goto(base + p);
    if (r.status() !== 200) fail(`${p} answered ${r.status()}`);
  }
  await page.screenshot({ path: `${out}/search.png`, fullPage: true });
  ok("developments, articles and search pages load");

  if (problems.length) fail("problems seen: " + problems.join("; "));
  ok("no script errors, no dialogs, no request left the server");
} catch (e) {
  if (!process.exitCode) { console.error("FAIL: " + e.message); process.exitCode = 1; }
} finally {
  await browser.close();
}
