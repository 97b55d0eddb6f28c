// Drives Catalog's Medusa dialect with the official Medusa JS SDK, unchanged, the way an admin integration would.
// Run by MedusaSdkTests: node medusa-sdk-batch.cjs <base url> <secret api key> <requests.json>
// requests.json holds the bodies and queries to send, so that the C# test can compare them with what arrived.
"use strict";

const assert = require("node:assert/strict");
const fs = require("node:fs");
const Medusa = require("@medusajs/js-sdk").default;
const { FetchError } = require("@medusajs/js-sdk");

async function main() {
  const [baseUrl, apiKey, requestsFile] = process.argv.slice(2);
  const requests = JSON.parse(fs.readFileSync(requestsFile, "utf8"));
  const sdk = new Medusa({ baseUrl, apiKey, auth: { type: "api-key", apiKey } });

  // Products: create two, answered with the fields asked for.
  const batch = await sdk.admin.product.batch(requests.products.body, requests.products.query);
  assert.equal(batch.created.length, 2);
  assert.deepEqual(batch.updated, []);
  assert.deepEqual(batch.deleted, { ids: [], object: "product", deleted: true });
  for (const [i, product] of batch.created.entries()) {
    assert.match(product.id, /^prod_[1-9][0-9]*$/);
    assert.equal(product.title, requests.products.body.create[i].title);
    assert.equal(product.external_id, requests.products.body.create[i].external_id);
    assert.equal(product.variants, undefined, "-variants removed the variants");
    assert.equal(product.options[0].title, "Size");
  }

  // Variants of the first product: create one, rename one, delete one.
  const productId = batch.created[0].id;
  const read = await sdk.admin.product.retrieve(productId, { fields: "id,*variants" });
  assert.equal(read.product.variants.length, 2);
  const [keep, drop] = read.product.variants;
  const variantsBody = {
    ...requests.variants.body,
    update: [{ id: keep.id, title: "Renamed by the SDK" }],
    delete: [drop.id],
  };
  const variants = await sdk.admin.product.batchVariants(productId, variantsBody, requests.variants.query);
  assert.equal(variants.created.length, 1);
  assert.equal(variants.created[0].sku, requests.variants.body.create[0].sku);
  assert.equal(variants.created[0].prices[0].amount, requests.variants.body.create[0].prices[0].amount);
  assert.deepEqual(Object.keys(variants.created[0]).sort(), ["id", "prices", "sku", "title"]);
  assert.equal(variants.updated[0].id, keep.id);
  assert.equal(variants.updated[0].title, "Renamed by the SDK");
  assert.deepEqual(variants.deleted, { ids: [drop.id], object: "variant", deleted: true });

  // A failing batch: the SDK throws its FetchError with Medusa's status and message.
  await assert.rejects(
    () => sdk.admin.product.batch({ create: [{ title: 42 }] }),
    (error) => {
      assert.ok(error instanceof FetchError);
      assert.equal(error.status, 400);
      assert.match(error.message, /Expected string, received number at "create\[0\]\.title"/);
      return true;
    });

  const list = await sdk.admin.product.list({ limit: 1, fields: "id,title" });
  assert.equal(list.count, 2);
  assert.equal(list.products.length, 1);

  console.log(JSON.stringify({ ok: true, productId, created: batch.created.map((p) => p.id) }));
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
