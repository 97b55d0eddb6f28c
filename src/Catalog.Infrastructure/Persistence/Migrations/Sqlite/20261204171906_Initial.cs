using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Catalog.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    scopes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "attributes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    slug = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    order_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    has_archives = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attributes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "categories",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    handle = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 65535, nullable: true),
                    parent_id = table.Column<long>(type: "INTEGER", nullable: true),
                    rank = table.Column<int>(type: "INTEGER", nullable: false),
                    metadata = table.Column<string>(type: "TEXT", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_categories", x => x.id);
                    table.ForeignKey(
                        name: "fk_categories_parent_id",
                        column: x => x.parent_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "products",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    handle = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    subtitle = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 65535, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    thumbnail = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    images = table.Column<string>(type: "TEXT", nullable: false),
                    tags = table.Column<string>(type: "TEXT", nullable: false),
                    options = table.Column<string>(type: "TEXT", nullable: false),
                    metadata = table.Column<string>(type: "TEXT", nullable: true),
                    extensions = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: true),
                    weight = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    length = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    width = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    height = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    external_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_products", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wholesale_roles",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wholesale_roles", x => x.id);
                });

            // Edited after generation (ADR 10): the role key's unique index stands in for the alternate key EF would
            // make a constraint, exactly as the hand-written migrations made it, so that a database they made and one
            // made by this migration are the same; it comes before the tables whose foreign keys reference it.
            migrationBuilder.CreateIndex(
                name: "ix_wholesale_roles_key",
                table: "wholesale_roles",
                column: "key",
                unique: true);

            migrationBuilder.CreateTable(
                name: "attribute_values",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    attribute_id = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    slug = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    menu_order = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attribute_values", x => x.id);
                    table.ForeignKey(
                        name: "fk_attribute_values_attribute_id",
                        column: x => x.attribute_id,
                        principalTable: "attributes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "product_categories",
                columns: table => new
                {
                    product_id = table.Column<long>(type: "INTEGER", nullable: false),
                    category_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_product_categories", x => new { x.product_id, x.category_id });
                    table.ForeignKey(
                        name: "fk_product_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_product_categories_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "variants",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    product_id = table.Column<long>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    sku = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    barcode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ean = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    upc = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    stock_quantity = table.Column<int>(type: "INTEGER", nullable: true),
                    manage_inventory = table.Column<bool>(type: "INTEGER", nullable: false),
                    allow_backorder = table.Column<bool>(type: "INTEGER", nullable: false),
                    options = table.Column<string>(type: "TEXT", nullable: false),
                    rank = table.Column<int>(type: "INTEGER", nullable: false),
                    metadata = table.Column<string>(type: "TEXT", nullable: true),
                    extensions = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_variants", x => x.id);
                    table.ForeignKey(
                        name: "fk_variants_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "variant_attribute_values",
                columns: table => new
                {
                    variant_id = table.Column<long>(type: "INTEGER", nullable: false),
                    attribute_value_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_variant_attribute_values", x => new { x.variant_id, x.attribute_value_id });
                    table.ForeignKey(
                        name: "fk_variant_attribute_values_attribute_value_id",
                        column: x => x.attribute_value_id,
                        principalTable: "attribute_values",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_variant_attribute_values_variant_id",
                        column: x => x.variant_id,
                        principalTable: "variants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "variant_prices",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    variant_id = table.Column<long>(type: "INTEGER", nullable: false),
                    currency_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    min_quantity = table.Column<long>(type: "INTEGER", nullable: true),
                    max_quantity = table.Column<long>(type: "INTEGER", nullable: true),
                    sale_amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_variant_prices", x => x.id);
                    table.ForeignKey(
                        name: "fk_variant_prices_variant_id",
                        column: x => x.variant_id,
                        principalTable: "variants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "variant_wholesale_discount_rules",
                columns: table => new
                {
                    variant_id = table.Column<long>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    start_quantity = table.Column<long>(type: "INTEGER", nullable: false),
                    end_quantity = table.Column<long>(type: "INTEGER", nullable: true),
                    price_type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    currency_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_variant_wholesale_discount_rules", x => new { x.variant_id, x.position });
                    table.ForeignKey(
                        name: "fk_variant_wholesale_discount_rules_role",
                        column: x => x.role,
                        principalTable: "wholesale_roles",
                        principalColumn: "key");
                    table.ForeignKey(
                        name: "fk_variant_wholesale_discount_rules_variant_id",
                        column: x => x.variant_id,
                        principalTable: "variants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "variant_wholesale_order_quantities",
                columns: table => new
                {
                    variant_id = table.Column<long>(type: "INTEGER", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    minimum = table.Column<long>(type: "INTEGER", nullable: false),
                    step = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_variant_wholesale_order_quantities", x => new { x.variant_id, x.role });
                    table.ForeignKey(
                        name: "fk_variant_wholesale_order_quantities_role",
                        column: x => x.role,
                        principalTable: "wholesale_roles",
                        principalColumn: "key");
                    table.ForeignKey(
                        name: "fk_variant_wholesale_order_quantities_variant_id",
                        column: x => x.variant_id,
                        principalTable: "variants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "variant_wholesale_prices",
                columns: table => new
                {
                    variant_id = table.Column<long>(type: "INTEGER", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    currency_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    sale_amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_variant_wholesale_prices", x => new { x.variant_id, x.role, x.currency_code });
                    table.ForeignKey(
                        name: "fk_variant_wholesale_prices_role",
                        column: x => x.role,
                        principalTable: "wholesale_roles",
                        principalColumn: "key");
                    table.ForeignKey(
                        name: "fk_variant_wholesale_prices_variant_id",
                        column: x => x.variant_id,
                        principalTable: "variants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "variant_wholesale_visibility",
                columns: table => new
                {
                    variant_id = table.Column<long>(type: "INTEGER", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_variant_wholesale_visibility", x => new { x.variant_id, x.role });
                    table.ForeignKey(
                        name: "fk_variant_wholesale_visibility_role",
                        column: x => x.role,
                        principalTable: "wholesale_roles",
                        principalColumn: "key");
                    table.ForeignKey(
                        name: "fk_variant_wholesale_visibility_variant_id",
                        column: x => x.variant_id,
                        principalTable: "variants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_hash",
                table: "api_keys",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_attribute_values_attribute_id_slug",
                table: "attribute_values",
                columns: new[] { "attribute_id", "slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_attributes_slug",
                table: "attributes",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_categories_handle",
                table: "categories",
                column: "handle",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_categories_parent_id",
                table: "categories",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_product_categories_category_id",
                table: "product_categories",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_products_handle",
                table: "products",
                column: "handle",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_products_status",
                table: "products",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_variant_attribute_values_attribute_value_id",
                table: "variant_attribute_values",
                column: "attribute_value_id");

            migrationBuilder.CreateIndex(
                name: "ix_variant_prices_variant_id",
                table: "variant_prices",
                column: "variant_id");

            migrationBuilder.CreateIndex(
                name: "ix_variant_wholesale_discount_rules_role",
                table: "variant_wholesale_discount_rules",
                column: "role");

            migrationBuilder.CreateIndex(
                name: "ix_variant_wholesale_order_quantities_role",
                table: "variant_wholesale_order_quantities",
                column: "role");

            migrationBuilder.CreateIndex(
                name: "ix_variant_wholesale_prices_role",
                table: "variant_wholesale_prices",
                column: "role");

            migrationBuilder.CreateIndex(
                name: "ix_variant_wholesale_visibility_role",
                table: "variant_wholesale_visibility",
                column: "role");

            migrationBuilder.CreateIndex(
                name: "ix_variants_product_id",
                table: "variants",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_variants_sku",
                table: "variants",
                column: "sku",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "product_categories");

            migrationBuilder.DropTable(
                name: "variant_attribute_values");

            migrationBuilder.DropTable(
                name: "variant_prices");

            migrationBuilder.DropTable(
                name: "variant_wholesale_discount_rules");

            migrationBuilder.DropTable(
                name: "variant_wholesale_order_quantities");

            migrationBuilder.DropTable(
                name: "variant_wholesale_prices");

            migrationBuilder.DropTable(
                name: "variant_wholesale_visibility");

            migrationBuilder.DropTable(
                name: "categories");

            migrationBuilder.DropTable(
                name: "attribute_values");

            migrationBuilder.DropTable(
                name: "wholesale_roles");

            migrationBuilder.DropTable(
                name: "variants");

            migrationBuilder.DropTable(
                name: "attributes");

            migrationBuilder.DropTable(
                name: "products");
        }
    }
}
