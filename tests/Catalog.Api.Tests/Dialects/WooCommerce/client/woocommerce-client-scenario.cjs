// Drives Catalog's WooCommerce dialect with the official client (@woocommerce/woocommerce-rest-api), unchanged, the
// way a store integration would. Run by WooCommerceClientTests:
//   node woocommerce-client-scenario.cjs <base url> <mode> <settings.json>
// mode: "oauth" (an http:// URL: the client signs every request with OAuth 1.0a, HMAC-SHA256), "basic" (https://,
// HTTP Basic) or "query" (https:// with queryStringAuth: consumer_key and consumer_secret in the query).
// settings.json: { "writer": {key, secret}, "reader": {key, secret}, "run": "<unique>", "ca": "<PEM file or null>" }
//
// The scenario is a list of steps that share one context; a step for a new route is appended to `steps`, a failure
// case to `failures`.
"use strict";

const assert = require("node:assert/strict");
const fs = require("node:fs");
const https = require("node:https");
const WooCommerceRestApi = require("@woocommerce/woocommerce-rest-api").default;

const [baseUrl, mode, settingsFile] = process.argv.slice(2);
const settings = JSON.parse(fs.readFileSync(settingsFile, "utf8"));
const axiosConfig = settings.ca ? { httpsAgent: new https.Agent({ ca: fs.readFileSync(settings.ca) }) } : {};

function client(credentials) {
  return new WooCommerceRestApi({
    url: baseUrl,
    consumerKey: credentials.key,
    consumerSecret: credentials.secret,
    version: "wc/v3",
    queryStringAuth: mode === "query",
    axiosConfig,
  });
}

/** The WooCommerce error a call fails with: its status and body ({code, message, data: {status}}). */
async function failure(call) {
  try {
    const response = await call();
    assert.fail(`expected a failure, got ${response.status} ${JSON.stringify(response.data)}`);
  } catch (error) {
    if (!error.response) throw error;
    assert.equal(error.response.data.data.status, error.response.status, JSON.stringify(error.response.data));
    return { status: error.response.status, code: error.response.data.code, message: error.response.data.message };
  }
}

const api = client(settings.writer);
const run = settings.run;

const steps = [
  ["create categories", async (ctx) => {
    const parent = await api.post("products/categories", { name: `Clothing ${run}`, slug: `clothing-${run}` });
    assert.equal(parent.status, 201);
    assert.equal(parent.data.slug, `clothing-${run}`);
    const { status, data } = await api.post("products/categories/batch", {
      create: [{ name: `Hoodies ${run}`, slug: `hoodies-${run}`, parent: parent.data.id }],
    });
    assert.equal(status, 200);
    assert.equal(data.create[0].error, undefined, JSON.stringify(data.create[0]));
    assert.equal(data.create[0].parent, parent.data.id);
    ctx.category = data.create[0].id;
  }],

  ["create a global attribute and its terms", async (ctx) => {
    const attribute = await api.post("products/attributes", { name: `Color ${run}`, slug: `color-${run}` });
    assert.equal(attribute.status, 201);
    assert.equal(attribute.data.slug, `pa_color-${run}`);
    const { status, data } = await api.post(`products/attributes/${attribute.data.id}/terms/batch`, {
      create: [{ name: "Black" }, { name: "Natural" }],
    });
    assert.equal(status, 200);
    for (const item of data.create) assert.equal(item.error, undefined, JSON.stringify(item));
    const terms = await api.get(`products/attributes/${attribute.data.id}/terms`);
    assert.deepEqual(terms.data.map((t) => t.name).sort(), ["Black", "Natural"]);
    ctx.color = attribute.data.id;
  }],

  ["create variable products in a batch", async (ctx) => {
    const { status, data } = await api.post("products/batch", {
      create: [
        {
          name: `Hoodie ${run}`, type: "variable", sku: `HOODIE-${run}`, categories: [{ id: ctx.category }],
          attributes: [
            { name: "Size", position: 0, visible: true, variation: true, options: ["S", "M", "L"] },
            { id: ctx.color, position: 1, visible: true, variation: false, options: ["Black"] },
          ],
        },
        { name: `Tee ${run}`, type: "simple", sku: `TEE-${run}`, regular_price: "19.99" },
      ],
    });
    assert.equal(status, 200);
    assert.equal(data.create.length, 2);
    for (const item of data.create) assert.equal(item.error, undefined, JSON.stringify(item));
    assert.equal(data.create[0].type, "variable");
    assert.deepEqual(data.create[0].attributes[0].options, ["S", "M", "L"]);
    assert.equal(data.create[0].attributes[1].id, ctx.color);
    assert.deepEqual(data.create[0].categories.map((c) => c.id), [ctx.category]);
    assert.equal(data.create[1].regular_price, "19.99");
    ctx.hoodie = data.create[0].id;
    ctx.tee = data.create[1].id;
  }],

  ["write a single product", async (ctx) => {
    const created = await api.post("products", {
      name: `Cap ${run}`, type: "simple", sku: `CAP-${run}`, regular_price: "12.00",
    });
    assert.equal(created.status, 201);
    const updated = await api.put(`products/${created.data.id}`, { regular_price: "14.00" });
    assert.equal(updated.data.regular_price, "14.00");
    const bySlug = await api.get("products", { slug: created.data.slug });
    assert.deepEqual(bySlug.data.map((p) => p.id), [created.data.id]);
    const deleted = await api.delete(`products/${created.data.id}`, { force: true });
    assert.equal(deleted.data.id, created.data.id);
  }],

  ["add variations by batch", async (ctx) => {
    const { status, data } = await api.post(`products/${ctx.hoodie}/variations/batch`, {
      create: ["S", "M", "L"].map((size) => ({
        sku: `HOODIE-${run}-${size}`, regular_price: "40.00", attributes: [{ name: "Size", option: size }],
      })),
    });
    assert.equal(status, 200);
    assert.equal(data.create.length, 3);
    for (const item of data.create) assert.equal(item.error, undefined, JSON.stringify(item));
    assert.deepEqual(data.create.map((v) => v.attributes[0].option), ["S", "M", "L"]);
    ctx.variations = data.create.map((v) => v.id);
  }],

  ["update prices", async (ctx) => {
    const variations = await api.put(`products/${ctx.hoodie}/variations/batch`, {
      update: [{ id: ctx.variations[0], regular_price: "35.00", sale_price: "30.00" }],
    });
    assert.equal(variations.data.update[0].regular_price, "35.00");
    assert.equal(variations.data.update[0].sale_price, "30.00");
    const products = await api.put("products/batch", { update: [{ id: ctx.tee, regular_price: "21.50" }] });
    assert.equal(products.data.update[0].regular_price, "21.50");
  }],

  ["list by SKU", async (ctx) => {
    const { status, data, headers } = await api.get("products", { sku: `TEE-${run}` });
    assert.equal(status, 200);
    assert.deepEqual(data.map((p) => p.id), [ctx.tee]);
    assert.equal(headers["x-wp-total"], "1");
    assert.equal(headers["x-wp-totalpages"], "1");
    const page = await api.get("products", { per_page: 1, page: 1, search: run });
    assert.equal(page.data.length, 1);
    assert.equal(page.headers["x-wp-total"], "2");
  }],

  ["get a product and its variations", async (ctx) => {
    const product = await api.get(`products/${ctx.hoodie}`);
    assert.equal(product.data.name, `Hoodie ${run}`);
    assert.deepEqual([...product.data.variations].sort((a, b) => a - b), [...ctx.variations].sort((a, b) => a - b));
    const variations = await api.get(`products/${ctx.hoodie}/variations`, { per_page: 10 });
    assert.equal(variations.data.length, 3);
    const variation = await api.get(`products/${ctx.hoodie}/variations/${ctx.variations[0]}`);
    assert.equal(variation.data.regular_price, "35.00");
  }],

  ["create a tag, use it by id, list it, delete it", async (ctx) => {
    const tag = await api.post("products/tags", { name: `Organic ${run}` });
    assert.equal(tag.status, 201);
    assert.equal(tag.data.slug, `organic-${run}`);
    const { data } = await api.put(`products/${ctx.hoodie}`, { tags: [{ id: tag.data.id }] });
    assert.deepEqual(data.tags, [{ id: tag.data.id, name: `Organic ${run}`, slug: `organic-${run}` }]);
    const listed = await api.get("products/tags", { search: `organic ${run}` });
    assert.deepEqual(listed.data.map((t) => [t.id, t.count]), [[tag.data.id, 1]]);
    assert.equal(listed.headers["x-wp-total"], "1");
    const trash = await failure(() => api.delete(`products/tags/${tag.data.id}`));
    assert.equal(trash.code, "woocommerce_rest_trash_not_supported");
    const deleted = await api.delete(`products/tags/${tag.data.id}`, { force: true });
    assert.equal(deleted.data.id, tag.data.id);
    const product = await api.get(`products/${ctx.hoodie}`);
    assert.deepEqual(product.data.tags, []);
  }],

  ["delete", async (ctx) => {
    const variations = await api.post(`products/${ctx.hoodie}/variations/batch`, { delete: [ctx.variations[2]] });
    assert.equal(variations.data.delete[0].id, ctx.variations[2]);
    const products = await api.post("products/batch", { delete: [ctx.tee] });
    assert.equal(products.data.delete[0].id, ctx.tee);
    const gone = await failure(() => api.get(`products/${ctx.tee}`));
    assert.equal(gone.status, 404);
    assert.equal(gone.code, "woocommerce_rest_product_invalid_id");
  }],
];

/**
 * Runs `call` with the process's clock (and so the client's oauth_timestamp) set to `now`, and Math.random (and so
 * its oauth_nonce) replaced by `random`: the client itself is left as it is.
 */
async function withClock({ now, random }, call) {
  const [RealDate, mathRandom] = [globalThis.Date, Math.random];
  if (now) {
    globalThis.Date = class extends RealDate {
      constructor(...args) {
        super(...(args.length ? args : [now]));
      }

      static now() {
        return now;
      }
    };
  }
  if (random) Math.random = random;
  try {
    return await call();
  } finally {
    [globalThis.Date, Math.random] = [RealDate, mathRandom];
  }
}

const failures = [
  ["a read-only key writing", async (ctx) => {
    const error = await failure(() => client(settings.reader).post("products/batch", { delete: [ctx.hoodie] }));
    assert.deepEqual(error, {
      status: 401, code: "woocommerce_rest_authentication_error",
      message: "The API key provided does not have write permissions.",
    });
  }],

  ["a wrong secret", async () => {
    const error = await failure(() => client({ ...settings.writer, secret: `${settings.writer.secret}x` }).get("products"));
    assert.equal(error.status, 401);
    assert.equal(error.code, "woocommerce_rest_authentication_error");
    assert.equal(error.message, mode === "oauth"
      ? "Invalid signature - provided signature does not match."
      : "Consumer secret is invalid.");
  }],

  ...(mode !== "oauth" ? [] : [
    ["an expired timestamp", async () => {
      const error = await failure(() => withClock({ now: Date.now() - 16 * 60 * 1000 }, () => api.get("products")));
      assert.deepEqual(error, {
        status: 401, code: "woocommerce_rest_authentication_error", message: "Invalid timestamp.",
      });
    }],

    ["a replayed nonce", async () => {
      const replay = { now: Date.now(), random: () => 0.5 };
      const first = await withClock(replay, () => api.get("products", { per_page: 1 }));
      assert.equal(first.status, 200);
      const error = await failure(() => withClock(replay, () => api.get("products", { per_page: 1 })));
      assert.deepEqual(error, {
        status: 401, code: "woocommerce_rest_authentication_error",
        message: "Invalid nonce - nonce has already been used.",
      });
    }],
  ]),
];

async function main() {
  const ctx = {};
  const done = [];
  for (const [name, step] of [...steps, ...failures]) {
    try {
      await step(ctx);
    } catch (error) {
      const answer = error.response ? ` (${error.response.status} ${JSON.stringify(error.response.data)})` : "";
      throw new Error(`step "${name}" failed${answer}: ${error.stack || error}`);
    }
    done.push(name);
  }
  console.log(JSON.stringify({ ok: true, mode, done }));
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
