// Drives Swagger UI in a headless Chromium as a user would: Authorize, then "Try it out" and "Execute" with the
// documented example on the canonical wholesale roles, products and categories batches (Bearer) and on the
// WooCommerce products batch (Basic with the consumer key and secret), on a fresh database, and screenshots each
// answer. Not part of the test suite: it needs a browser.
//
//   apt-get install chromium                       # Debian; or set CHROMIUM to any Chrome/Chromium binary
//   npm install --no-save puppeteer-core@25.16.0   # in the repository root; not in package.json, to keep CI light
//   dotnet run --project src/Catalog.Api           # prints the first-run key, or set Catalog__Auth__BootstrapKey
//   CATALOG_KEY=<key> node scripts/swagger-ui-check.mjs [http://localhost:5080] [out-dir]
//
// Exits 1 unless every execution answers 200 with every item succeeded; the screenshots go to out-dir (default: the
// system temp folder).
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "puppeteer-core";

const [baseUrl = "http://localhost:5080", outDir = tmpdir()] = process.argv.slice(2);
const key = process.env.CATALOG_KEY;
if (!key) {
  console.error("Set CATALOG_KEY to a Catalog API key with the catalog:write scope.");
  process.exit(2);
}

// WooCommerce's pair, as docs/dialects.md derives it from a Catalog key.
const consumerKey = "ck_" + createHash("sha256").update(key).digest("hex").substring(0, 40);
const consumerSecret = "cs_" + key;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless=new"],
});
let failed = false;
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 2400 });
  await page.goto(`${baseUrl}/swagger`, { waitUntil: "networkidle0" });
  await page.waitForSelector(".swagger-ui .opblock-tag");

  await authorize(page);
  // The examples build on each other in document order (docs/api.md): roles and categories before what names them.
  const operations = [["Catalog", "WholesaleRoles_Batch"], ["Catalog", "Products_Batch"],
    ["Catalog", "Categories_Batch"], ["WooCommerce", "WooCommerceProducts_Batch"]];
  for (const [tag, operationId] of operations) {
    const { status, body } = await tryItOut(page, tag, operationId);
    // A batch answers 200 with failed items too: every item must have succeeded.
    const failures = body.summary ? body.summary.failed
      : ["create", "update", "delete"].flatMap((list) => body[list] ?? []).filter((item) => item.error).length;
    const file = join(outDir, `swagger-${operationId}.png`);
    const block = await page.$(`#operations-${tag}-${operationId}`);
    await block.screenshot({ path: file });
    console.log(`${operationId}: ${status}, ${failures} failed item(s) (screenshot ${file})`);
    failed ||= status !== "200" || failures !== 0;
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);

/** The Authorize dialog: the Bearer scheme takes the key; WooCommerce's Basic scheme the consumer pair. */
async function authorize(page) {
  await page.click(".auth-wrapper .authorize");
  await page.waitForSelector(".modal-ux .auth-container");
  const containers = await page.$$(".modal-ux .auth-container");
  for (const container of containers) {
    const title = await container.$eval("h4", (h) => h.textContent);
    if (title.startsWith("bearer")) {
      await (await container.$("input")).type(key);
    } else if (title.startsWith("woocommerce_basic")) {
      const [user, password] = await container.$$("input");
      await user.type(consumerKey);
      await password.type(consumerSecret);
    } else {
      continue;
    }
    await (await container.$("button.authorize")).click();
  }
  await page.click(".modal-ux .btn-done");
}

/** Expands the operation, presses "Try it out" and "Execute" with the example as shown, answers the status. */
async function tryItOut(page, tag, operationId) {
  const block = `#operations-${tag}-${operationId}`;
  if (!(await page.$(block))) {
    await page.click(`#operations-tag-${tag}`); // the tags start collapsed
    await page.waitForSelector(block);
  }
  await page.click(`${block} .opblock-summary`);
  await page.waitForSelector(`${block} .try-out__btn`);
  await page.click(`${block} .try-out__btn`);
  await page.click(`${block} .execute`);
  const status = `${block} .live-responses-table .response .response-col_status`;
  await page.waitForSelector(status, { timeout: 30000 });
  const body = `${block} .live-responses-table .response .response-col_description pre`;
  return {
    status: (await page.$eval(status, (cell) => cell.textContent)).trim(),
    body: JSON.parse(await page.$eval(body, (pre) => pre.textContent)),
  };
}
