namespace Catalog.Testing.Hostile;

/// <summary>Who a route answers errors to: its own error shape decides where the code of a 4xx is.</summary>
public enum ErrorShape
{
    /// <summary>RFC 9457 problem details with <c>code</c>.</summary>
    Canonical,

    /// <summary>WordPress's <c>{code, message, data: {status}}</c> (WooCommerce and Wholesale Suite).</summary>
    WordPress,

    /// <summary>Medusa's <c>{type, message}</c>.</summary>
    Medusa,

    /// <summary>The trade API's <c>{error: {status, code, message}}</c>.</summary>
    Trade,
}

/// <summary>
/// A batch endpoint and a valid body for it. Placeholders in braces are filled in from the seeded catalog
/// (<c>{P}</c> product, <c>{V}</c> its variant, <c>{WP}</c>/<c>{WV}</c> a WooCommerce variable product and its
/// variation, <c>{M}</c>/<c>{MV}</c> a Medusa product and variant, <c>{C}</c> category, <c>{A}</c>/<c>{AV}</c>
/// attribute and value,
/// <c>{R}</c> wholesale role) and <c>{N}</c> by a number unique to the case, so that creates claim fresh SKUs. A
/// variant batch's SKU takes <c>{K}</c>, one of a few numbers, so that its parent's variants stop growing once those
/// are taken: a parent with hundreds of variants would make every later case slower than the one before.
/// </summary>
public sealed record HostileRoute(string Name, string[] Methods, string Url, ErrorShape Shape, string Body);

public static class HostileRoutes
{
    public static IReadOnlyList<HostileRoute> All { get; } =
    [
        new("canonical products", ["POST"], "/api/v1/products/batch", ErrorShape.Canonical, """
            {"create": [{"title": "Shirt {N}", "handle": "shirt-{N}", "subtitle": "s", "description": "d",
              "status": "published", "tags": ["a"], "images": [{"url": "https://x.test/a.png"}],
              "options": [{"title": "Size", "values": ["S"]}], "category_ids": [{C}],
              "metadata": {"k": "v", "n": [1, {"d": true}]}, "extensions": {"woocommerce": {"k": "v"}},
              "weight": 1.5, "external_id": "e{N}",
              "variants": [{"title": "S", "sku": "SKU-{N}", "ean": "123", "options": {"Size": "S"},
                "stock_quantity": 3, "metadata": {"a": 1}, "attribute_value_ids": [{AV}],
                "prices": [{"currency_code": "usd", "amount": 10.5, "min_quantity": 1, "max_quantity": 5}],
                "wholesale": {"prices": [{"role": "gold", "currency_code": "usd", "amount": 8}],
                  "minimum_order_quantities": [{"role": "gold", "quantity": 2}],
                  "quantity_discount_rules": [{"role": "gold", "start_qty": 3, "end_qty": null,
                    "price_type": "fixed", "value": 7, "currency_code": "usd"}]}}]}],
             "update": [{"id": {P}, "title": "Renamed {N}", "metadata": {"x": "y"},
               "extensions": {"medusa": {"a": 1}}}],
             "delete": [987654321]}
            """),
        new("canonical products patch", ["PATCH"], "/api/v1/products/batch", ErrorShape.Canonical, """
            {"updates": [{"id": {P}, "subtitle": "sub {N}", "metadata": {"deep": {"er": [1, 2]}},
              "variants": [{"id": {V}, "title": "V {N}", "prices": [{"currency_code": "eur", "amount": 3}]}]}]}
            """),
        new("canonical variants", ["POST"], "/api/v1/products/{P}/variants/batch", ErrorShape.Canonical, """
            {"create": [{"title": "New {N}", "sku": "VS-{K}", "upc": "1", "barcode": "b", "metadata": {"m": [1]},
              "extensions": {"trade": {"t": "x"}}, "prices": [{"currency_code": "usd", "amount": 4, "sale_amount": 3}],
              "wholesale": {"prices": [{"role": "gold", "currency_code": "usd", "amount": 2, "sale_amount": 1}],
                "visibility": ["gold"], "order_quantity_steps": []}}],
             "update": [{"id": {V}, "stock_quantity": 7}], "delete": [987654321]}
            """),
        new("canonical categories", ["POST"], "/api/v1/categories/batch", ErrorShape.Canonical, """
            {"create": [{"name": "Cat {N}", "handle": "cat-{N}", "description": "d", "parent_id": {C},
              "rank": 1, "metadata": {"k": "v"}}],
             "update": [{"id": {C}, "description": "again {N}"}], "delete": [987654321]}
            """),
        new("canonical attributes", ["POST"], "/api/v1/attributes/batch", ErrorShape.Canonical, """
            {"create": [{"name": "Attr {N}", "slug": "attr-{N}", "type": "select", "order_by": "menu_order",
              "has_archives": false, "values": [{"name": "One", "slug": "one", "description": "d", "menu_order": 1}]}],
             "update": [{"id": {A}, "name": "Colour {N}"}], "delete": [987654321]}
            """),
        new("canonical wholesale roles", ["POST"], "/api/v1/wholesale-roles/batch", ErrorShape.Canonical, """
            {"create": [{"key": "role_{N}", "name": "Role {N}"}], "update": [{"id": {R}, "name": "Gold {N}"}],
             "delete": [987654321]}
            """),
        new("woocommerce products", ["POST", "PUT", "PATCH"], "/wp-json/wc/v3/products/batch", ErrorShape.WordPress, """
            {"create": [{"name": "Tee {N}", "type": "simple", "sku": "TEE-{N}", "regular_price": "19.99",
              "sale_price": "15", "description": "d", "short_description": "s", "status": "publish",
              "categories": [{"id": {C}}], "tags": [{"name": "t"}], "images": [{"src": "https://x.test/i.png"}],
              "dimensions": {"length": "1", "width": "2", "height": "3"}, "weight": "1",
              "meta_data": [{"key": "k", "value": {"nested": [1, "x"]}}], "manage_stock": true,
              "stock_quantity": 4}],
             "update": [{"id": {WP}, "name": "Hoodie {N}", "meta_data": [{"key": "m", "value": "v"}]}],
             "delete": [987654321]}
            """),
        new("woocommerce variations", ["POST", "PUT", "PATCH"], "/wp-json/wc/v3/products/{WP}/variations/batch",
            ErrorShape.WordPress, """
            {"create": [{"sku": "VAR-{K}", "regular_price": "9", "attributes": [{"name": "Size", "option": "M"}],
              "dimensions": {"length": "1", "width": "1", "height": "1"}, "weight": "2",
              "meta_data": [{"key": "k", "value": "v"}], "description": "d"}],
             "update": [{"id": {WV}, "regular_price": "11", "stock_quantity": 2, "manage_stock": true}],
             "delete": [987654321]}
            """),
        new("wholesale suite products", ["POST", "PUT", "PATCH"], "/wp-json/wholesale/v1/products/batch",
            ErrorShape.WordPress, """
            {"create": [{"name": "W {N}", "type": "simple", "sku": "WWS-{N}", "regular_price": "30",
              "wholesale_price": {"gold": "20"}, "wholesale_sale_price": {"gold": "18"},
              "wholesale_minimum_order_quantity": {"gold": "2"}, "wholesale_order_quantity_step": {"gold": "2"},
              "wholesale_visibility_filter": "gold",
              "wholesale_quantity_discount_rule_mapping": [{"wholesale_role": "gold", "start_qty": "5",
                "end_qty": "", "price_type": "percent-price", "wholesale_price": "10"}],
              "meta_data": [{"key": "wwpp_product_wholesale_visibility_filter", "value": "gold"}]}],
             "update": [{"id": {WP}, "name": "WU {N}"}], "delete": [987654321]}
            """),
        new("wholesale suite variations", ["POST", "PUT", "PATCH"], "/wp-json/wholesale/v1/products/{WP}/batch",
            ErrorShape.WordPress, """
            {"create": [{"regular_price": "19.00", "sku": "WV-{K}", "attributes": [{"name": "Size", "option": "L"}],
              "wholesale_price": {"gold": "12"}, "wholesale_minimum_order_quantity": {"gold": "2"}}],
             "update": [{"id": {WV}, "wholesale_price": {"gold": "16"},
               "wholesale_minimum_order_quantity": {"gold": "1"},
               "wholesale_order_quantity_step": {"gold": "3"}}],
             "delete": [987654321]}
            """),
        new("medusa products", ["POST"], "/admin/products/batch", ErrorShape.Medusa, """
            {"create": [{"title": "Med {N}", "handle": "med-{N}", "subtitle": "s", "description": "d",
              "status": "published", "metadata": {"k": {"v": [1]}}, "weight": 3, "material": "cotton",
              "options": [{"title": "Size", "values": ["S", "M"]}],
              "variants": [{"title": "S", "sku": "MS-{N}", "options": {"Size": "S"}, "metadata": {"a": "b"},
                "prices": [{"currency_code": "usd", "amount": 12.5}]}]}],
             "update": [{"id": "prod_{M}", "title": "Med upd {N}", "metadata": {"z": null}}]}
            """),
        new("medusa variants", ["POST"], "/admin/products/prod_{M}/variants/batch", ErrorShape.Medusa, """
            {"create": [{"title": "M {N}", "sku": "MV-{K}", "options": {"Size": "M"}, "manage_inventory": true,
              "hs_code": "h", "origin_country": "pt", "metadata": {"m": 1},
              "prices": [{"currency_code": "usd", "amount": 5},
                {"currency_code": "usd", "amount": 4, "min_quantity": 10}]}],
             "update": [{"id": "variant_{MV}", "title": "Renamed {N}", "allow_backorder": true}]}
            """),
        new("trade products", ["PATCH"], "/v1/products/batch", ErrorShape.Trade, """
            {"updates": [{"id": {P}, "name": "Trade {N}", "description": "desc", "pricingType": "RANGE", "price": 10,
              "maxPrice": 20, "isDisclosePrice": true, "isActive": true, "tradeCategoryId": {C},
              "faqs": [{"question": "q", "answer": "a"}]},
              {"id": 987654321, "pricing": {"pricingType": "FIXED", "price": 5}}]}
            """),
    ];
}
