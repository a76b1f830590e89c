// A review round trip in Debian's Chromium against `serve --review`.
// Run by crates/web/tests/review.rs:  node review.mjs BASE_URL TOKEN INCIDENT_ID
import { chromium } from "playwright-core";

const [base, token, id] = process.argv.slice(2);
const root = base.replace(/\/$/, "");
const fail = (msg) => { console.error("FAIL: " + msg); process.exitCode = 1; throw new Error(msg); };
const ok = (msg) => console.log("ok: " + msg);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await (await browser.newContext()).newPage();
  page.on("request", (r) => { if (!r.url().startsWith(root)) fail("request left the server: " + r.url()); });
  let res = await page.goto(`${root}/review/incidents/${id}`);
  if (res.status() !== 403) fail("the form opened without the token: " + res.status());
  ok("form refused without the token");
  await page.goto(`${root}/review/login?token=${token}`);
  res = await page.goto(`${root}/review/incidents/${id}`);
  if (res.status() !== 200) fail("the form answered " + res.status());
  await page.selectOption("select[name=kind]", "set_killed");
  await page.fill("input[name=value]", "17");
  await page.fill("input[name=source]", "Navy statement");
  await page.fill("input[name=author]", "ana");
  await page.fill("input[name=reason]", "official toll");
  await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
  const killed = await page.textContent("#killed");
  if (killed.trim() !== "17") fail("killed shows " + killed);
  const reviewed = await page.textContent("p.reviewed");
  if (!reviewed.includes("Reviewed killed: 17") || !reviewed.includes("machine:")) fail("reviewed line: " + reviewed);
  ok("reviewed value shown beside the machine's: " + reviewed.trim());
  const api = await (await page.request.get(`${root}/api/incidents/${id}`)).json();
  if (api.figures.killed.best !== 17) fail("the API shows " + api.figures.killed.best);
  ok("the API shows the reviewed value");
} finally {
  await browser.close();
}
