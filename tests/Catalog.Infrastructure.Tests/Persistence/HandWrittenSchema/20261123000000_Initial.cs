using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Catalog.Infrastructure.Tests.Persistence.HandWrittenSchema;

/// <summary>
/// The first schema, written by hand (EF Core's Design package cannot be restored here; see docs/adr). Column types are
/// left to the provider, which takes them from the model, so one migration serves SQLite and PostgreSQL alike.
/// A test migrates a fresh database and compares its tables, columns, keys and indexes with the model.
/// </summary>
[DbContext(typeof(HandWrittenSchemaContext))]
[Migration("20261123000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "products",
            columns: table => new
            {
                id = Identity(table),
                version = table.Column<long>(nullable: false),
                created_at = table.Column<DateTimeOffset>(nullable: false),
                updated_at = table.Column<DateTimeOffset>(nullable: false),
                handle = table.Column<string>(maxLength: 255, nullable: false),
                title = table.Column<string>(maxLength: 255, nullable: false),
                subtitle = table.Column<string>(maxLength: 255, nullable: true),
                description = table.Column<string>(maxLength: 65535, nullable: true),
                status = table.Column<string>(maxLength: 16, nullable: false),
                thumbnail = table.Column<string>(maxLength: 2048, nullable: true),
                images = table.Column<string>(nullable: false),
                tags = table.Column<string>(nullable: false),
                options = table.Column<string>(nullable: false),
                metadata = table.Column<string>(nullable: true),
                weight = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                length = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                width = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                height = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                external_id = table.Column<string>(maxLength: 255, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_products", x => x.id));

        migrationBuilder.CreateTable(
            name: "categories",
            columns: table => new
            {
                id = Identity(table),
                version = table.Column<long>(nullable: false),
                created_at = table.Column<DateTimeOffset>(nullable: false),
                updated_at = table.Column<DateTimeOffset>(nullable: false),
                name = table.Column<string>(maxLength: 255, nullable: false),
                handle = table.Column<string>(maxLength: 255, nullable: false),
                description = table.Column<string>(maxLength: 65535, nullable: true),
                parent_id = table.Column<long>(nullable: true),
                rank = table.Column<int>(nullable: false),
                metadata = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_categories", x => x.id);
                table.ForeignKey("fk_categories_parent_id", x => x.parent_id, "categories", "id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "attributes",
            columns: table => new
            {
                id = Identity(table),
                version = table.Column<long>(nullable: false),
                created_at = table.Column<DateTimeOffset>(nullable: false),
                updated_at = table.Column<DateTimeOffset>(nullable: false),
                name = table.Column<string>(maxLength: 255, nullable: false),
                slug = table.Column<string>(maxLength: 255, nullable: false),
                type = table.Column<string>(maxLength: 32, nullable: false),
                order_by = table.Column<string>(maxLength: 32, nullable: false),
                has_archives = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_attributes", x => x.id));

        migrationBuilder.CreateTable(
            name: "attribute_values",
            columns: table => new
            {
                id = Identity(table),
                version = table.Column<long>(nullable: false),
                created_at = table.Column<DateTimeOffset>(nullable: false),
                updated_at = table.Column<DateTimeOffset>(nullable: false),
                attribute_id = table.Column<long>(nullable: false),
                name = table.Column<string>(maxLength: 255, nullable: false),
                slug = table.Column<string>(maxLength: 255, nullable: false),
                description = table.Column<string>(nullable: true),
                menu_order = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_attribute_values", x => x.id);
                table.ForeignKey("fk_attribute_values_attribute_id", x => x.attribute_id, "attributes", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "variants",
            columns: table => new
            {
                id = Identity(table),
                version = table.Column<long>(nullable: false),
                created_at = table.Column<DateTimeOffset>(nullable: false),
                updated_at = table.Column<DateTimeOffset>(nullable: false),
                product_id = table.Column<long>(nullable: false),
                title = table.Column<string>(maxLength: 255, nullable: false),
                sku = table.Column<string>(maxLength: 100, nullable: true),
                barcode = table.Column<string>(maxLength: 64, nullable: true),
                ean = table.Column<string>(maxLength: 64, nullable: true),
                upc = table.Column<string>(maxLength: 64, nullable: true),
                stock_quantity = table.Column<int>(nullable: true),
                manage_inventory = table.Column<bool>(nullable: false),
                allow_backorder = table.Column<bool>(nullable: false),
                options = table.Column<string>(nullable: false),
                rank = table.Column<int>(nullable: false),
                metadata = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_variants", x => x.id);
                table.ForeignKey("fk_variants_product_id", x => x.product_id, "products", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "variant_prices",
            columns: table => new
            {
                id = Identity(table),
                variant_id = table.Column<long>(nullable: false),
                currency_code = table.Column<string>(maxLength: 3, nullable: false),
                amount = table.Column<decimal>(precision: 18, scale: 4, nullable: false),
                min_quantity = table.Column<long>(nullable: true),
                max_quantity = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_variant_prices", x => x.id);
                table.ForeignKey("fk_variant_prices_variant_id", x => x.variant_id, "variants", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "product_categories",
            columns: table => new
            {
                product_id = table.Column<long>(nullable: false),
                category_id = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_product_categories", x => new { x.product_id, x.category_id });
                table.ForeignKey("fk_product_categories_product_id", x => x.product_id, "products", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_product_categories_category_id", x => x.category_id, "categories", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "variant_attribute_values",
            columns: table => new
            {
                variant_id = table.Column<long>(nullable: false),
                attribute_value_id = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_variant_attribute_values", x => new { x.variant_id, x.attribute_value_id });
                table.ForeignKey("fk_variant_attribute_values_variant_id", x => x.variant_id, "variants", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_variant_attribute_values_attribute_value_id", x => x.attribute_value_id, "attribute_values", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "api_keys",
            columns: table => new
            {
                id = Identity(table),
                name = table.Column<string>(maxLength: 100, nullable: false),
                prefix = table.Column<string>(maxLength: 16, nullable: false),
                hash = table.Column<string>(maxLength: 64, nullable: false),
                scopes = table.Column<string>(maxLength: 200, nullable: false),
                created_at = table.Column<DateTimeOffset>(nullable: false),
                revoked_at = table.Column<DateTimeOffset>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_api_keys", x => x.id));

        migrationBuilder.CreateIndex("ix_products_handle", "products", "handle", unique: true);
        migrationBuilder.CreateIndex("ix_products_status", "products", "status");
        migrationBuilder.CreateIndex("ix_categories_handle", "categories", "handle", unique: true);
        migrationBuilder.CreateIndex("ix_categories_parent_id", "categories", "parent_id");
        migrationBuilder.CreateIndex("ix_attributes_slug", "attributes", "slug", unique: true);
        migrationBuilder.CreateIndex("ix_attribute_values_attribute_id_slug", "attribute_values", ["attribute_id", "slug"], unique: true);
        migrationBuilder.CreateIndex("ix_variants_sku", "variants", "sku", unique: true);
        migrationBuilder.CreateIndex("ix_variants_product_id", "variants", "product_id");
        migrationBuilder.CreateIndex("ix_variant_prices_variant_id", "variant_prices", "variant_id");
        migrationBuilder.CreateIndex("ix_product_categories_category_id", "product_categories", "category_id");
        migrationBuilder.CreateIndex("ix_variant_attribute_values_attribute_value_id", "variant_attribute_values", "attribute_value_id");
        migrationBuilder.CreateIndex("ix_api_keys_hash", "api_keys", "hash", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in new[] { "api_keys", "variant_attribute_values", "product_categories", "variant_prices", "variants", "attribute_values", "attributes", "categories", "products" })
        {
            migrationBuilder.DropTable(table);
        }
    }

    /// <summary>An id column that never reuses a deleted id, on either provider (the other provider ignores the annotation).</summary>
    private static OperationBuilder<Microsoft.EntityFrameworkCore.Migrations.Operations.AddColumnOperation> Identity(ColumnsBuilder table) =>
        table.Column<long>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
