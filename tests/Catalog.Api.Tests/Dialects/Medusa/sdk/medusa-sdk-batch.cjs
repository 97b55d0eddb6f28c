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

  await singleItemScenario(sdk, requests.single);

  console.log(JSON.stringify({ ok: true, productId, created: batch.created.map((p) => p.id) }));
}

// What an integration runs between batches: one product at a time, found by handle and by SKU, its variants changed
// one at a time, and the 404 Medusa answers for an id it does not know.
async function singleItemScenario(sdk, single) {
  const { product } = await sdk.admin.product.create(single.create, { fields: "id,handle,*variants" });
  assert.match(product.id, /^prod_[1-9][0-9]*$/);
  assert.equal(product.handle, single.create.handle);
  assert.equal(product.variants.length, 1);

  const byHandle = await sdk.admin.product.list({ handle: single.create.handle, fields: "id,handle" });
  assert.deepEqual(byHandle.products.map((p) => p.id), [product.id]);
  assert.equal(byHandle.count, 1);
  const bySku = await sdk.admin.product.list({ variants: { sku: single.create.variants[0].sku }, fields: "id" });
  assert.deepEqual(bySku.products.map((p) => p.id), [product.id]);
  const byIds = await sdk.admin.product.list({ id: [product.id, "prod_ABC"], fields: "id" });
  assert.deepEqual(byIds.products.map((p) => p.id), [product.id]);

  const retrieved = await sdk.admin.product.retrieve(product.id);
  assert.equal(retrieved.product.title, single.create.title);
  assert.equal(retrieved.product.variants[0].options[0].value, "S");

  const updated = await sdk.admin.product.update(product.id, { title: "Renamed single", subtitle: "by the SDK" });
  assert.equal(updated.product.title, "Renamed single");
  assert.equal(updated.product.handle, single.create.handle, "an update keeps what it does not send");

  const withVariant = await sdk.admin.product.createVariant(product.id, single.variant);
  const added = withVariant.product.variants.find((v) => v.sku === single.variant.sku);
  assert.ok(added, "createVariant answers the product with the new variant");
  const renamed = await sdk.admin.product.updateVariant(product.id, added.id, { title: "Renamed variant" });
  assert.equal(renamed.product.variants.find((v) => v.id === added.id).title, "Renamed variant");
  const variants = await sdk.admin.product.listVariants(product.id, { fields: "id,sku" });
  assert.equal(variants.count, 2);
  const expectedSkus = [single.create.variants[0].sku, single.variant.sku].sort();
  assert.deepEqual(variants.variants.map((v) => v.sku).sort(), expectedSkus);
  const deletedVariant = await sdk.admin.product.deleteVariant(product.id, added.id);
  assert.equal(deletedVariant.id, added.id);
  assert.equal(deletedVariant.object, "variant");
  assert.equal(deletedVariant.deleted, true);
  assert.equal(deletedVariant.parent.variants.length, 1);

  const deleted = await sdk.admin.product.delete(product.id);
  assert.deepEqual(deleted, { id: product.id, object: "product", deleted: true });

  for (const call of [() => sdk.admin.product.retrieve(product.id), () => sdk.admin.product.retrieve("prod_ABC")]) {
    await assert.rejects(call, (error) => {
      assert.ok(error instanceof FetchError);
      assert.equal(error.status, 404);
      assert.match(error.message, /^Product with id: prod_[A-Za-z0-9]+ was not found$/);
      return true;
    });
  }
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
