using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Catalog.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Added by hand: a batch loads what it plans on inside a snapshot (SqlServerProvider.BeginSnapshotAsync),
            // which SQL Server allows only once the database permits snapshot isolation. ALTER DATABASE cannot run
            // inside a transaction.
            migrationBuilder.Sql("ALTER DATABASE CURRENT SET ALLOW_SNAPSHOT_ISOLATION ON;", suppressTransaction: true);

            migrationBuilder.CreateSequence(
                name: "api_keys_id_seq");

            migrationBuilder.CreateSequence(
                name: "attribute_values_id_seq");

            migrationBuilder.CreateSequence(
                name: "attributes_id_seq");

            migrationBuilder.CreateSequence(
                name: "categories_id_seq");

            migrationBuilder.CreateSequence(
                name: "products_id_seq");

            migrationBuilder.CreateSequence(
                name: "variant_prices_id_seq");

            migrationBuilder.CreateSequence(
                name: "variants_id_seq");

            migrationBuilder.CreateSequence(
                name: "wholesale_roles_id_seq");

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false, defaultValueSql: "NEXT VALUE FOR [api_keys_id_seq]"),
                    name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    prefix = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    scopes = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "attributes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false, defaultValueSql: "NEXT VALUE FOR [attributes_id_seq]"),
                    name = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    slug = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    type = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    order_by = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    has_archives = table.Column<bool>(type: "bit", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attributes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "categories",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false, defaultValueSql: "NEXT VALUE FOR [categories_id_seq]"),
                    name = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    handle = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    description = table.Column<string>(type: "nvarchar(max)", maxLength: 65535, nullable: true),
                    parent_id = table.Column<long>(type: "bigint", nullable: true),
                    rank = table.Column<int>(type: "int", nullable: false),
                    metadata = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_categories", x => x.id);
                    table.ForeignKey(
                        name: "fk_categories_parent_id",
                        column: x => x.parent_id,
                        principalTable: "categories",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "products",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false, defaultValueSql: "NEXT VALUE FOR [products_id_seq]"),
                    handle = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    title = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    subtitle = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: true),
                    description = table.Column<string>(type: "nvarchar(max)", maxLength: 65535, nullable: true),
                    status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    thumbnail = table.Column<string>(type: "nvarchar(2048)", maxLength: 2048, nullable: true),
                    images = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    tags = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    options = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    metadata = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    extensions = table.Column<string>(type: "nvarchar(max)", maxLength: 65536, nullable: true),
                    weight = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    length = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    width = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    height = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    external_id = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_products", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wholesale_roles",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false, defaultValueSql: "NEXT VALUE FOR [wholesale_roles_id_seq]"),
                    key = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wholesale_roles", x => x.id);
                    table.UniqueConstraint("ak_wholesale_roles_key", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "attribute_values",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false, defaultValueSql: "NEXT VALUE FOR [attribute_values_id_seq]"),
                    attribute_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    slug = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    description = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    menu_order = table.Column<int>(type: "int", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                    product_id = table.Column<long>(type: "bigint", nullable: false),
                    category_id = table.Column<long>(type: "bigint", nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false, defaultValueSql: "NEXT VALUE FOR [variants_id_seq]"),
                    product_id = table.Column<long>(type: "bigint", nullable: false),
                    title = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    sku = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    barcode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ean = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    upc = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    stock_quantity = table.Column<int>(type: "int", nullable: true),
                    manage_inventory = table.Column<bool>(type: "bit", nullable: false),
                    allow_backorder = table.Column<bool>(type: "bit", nullable: false),
                    options = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    rank = table.Column<int>(type: "int", nullable: false),
                    metadata = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    extensions = table.Column<string>(type: "nvarchar(max)", maxLength: 65536, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                    variant_id = table.Column<long>(type: "bigint", nullable: false),
                    attribute_value_id = table.Column<long>(type: "bigint", nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false, defaultValueSql: "NEXT VALUE FOR [variant_prices_id_seq]"),
                    variant_id = table.Column<long>(type: "bigint", nullable: false),
                    currency_code = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    amount = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    min_quantity = table.Column<long>(type: "bigint", nullable: true),
                    max_quantity = table.Column<long>(type: "bigint", nullable: true),
                    sale_amount = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true)
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
                    variant_id = table.Column<long>(type: "bigint", nullable: false),
                    position = table.Column<int>(type: "int", nullable: false),
                    role = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    start_quantity = table.Column<long>(type: "bigint", nullable: false),
                    end_quantity = table.Column<long>(type: "bigint", nullable: true),
                    price_type = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    value = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    currency_code = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: true)
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
                    variant_id = table.Column<long>(type: "bigint", nullable: false),
                    role = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    minimum = table.Column<long>(type: "bigint", nullable: false),
                    step = table.Column<long>(type: "bigint", nullable: true)
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
                    variant_id = table.Column<long>(type: "bigint", nullable: false),
                    role = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    currency_code = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    amount = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    sale_amount = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true)
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
                    variant_id = table.Column<long>(type: "bigint", nullable: false),
                    role = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
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
                unique: true,
                filter: "[sku] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_wholesale_roles_key",
                table: "wholesale_roles",
                column: "key",
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

            migrationBuilder.DropSequence(
                name: "api_keys_id_seq");

            migrationBuilder.DropSequence(
                name: "attribute_values_id_seq");

            migrationBuilder.DropSequence(
                name: "attributes_id_seq");

            migrationBuilder.DropSequence(
                name: "categories_id_seq");

            migrationBuilder.DropSequence(
                name: "products_id_seq");

            migrationBuilder.DropSequence(
                name: "variant_prices_id_seq");

            migrationBuilder.DropSequence(
                name: "variants_id_seq");

            migrationBuilder.DropSequence(
                name: "wholesale_roles_id_seq");
        }
    }
}
