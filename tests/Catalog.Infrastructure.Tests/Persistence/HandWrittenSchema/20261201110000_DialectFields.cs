using Catalog.Domain.Products;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Catalog.Infrastructure.Tests.Persistence.HandWrittenSchema;

/// <summary>
/// The canonical fields the dialects need: <c>extensions</c> on products and variants (each system's fields without a
/// canonical home) and a sale amount on prices. New product statuses and the new option fields need no column: the
/// status is stored by name and options live in their JSON column.
/// </summary>
[DbContext(typeof(HandWrittenSchemaContext))]
[Migration("20261201110000_DialectFields")]
public sealed class DialectFields : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>("extensions", "products", maxLength: ExtensionConstraints.MaxLength, nullable: true);
        migrationBuilder.AddColumn<string>("extensions", "variants", maxLength: ExtensionConstraints.MaxLength, nullable: true);
        migrationBuilder.AddColumn<decimal>("sale_amount", "variant_prices", precision: VariantConstraints.AmountPrecision, scale: VariantConstraints.AmountScale, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("sale_amount", "variant_prices");
        migrationBuilder.DropColumn("extensions", "variants");
        migrationBuilder.DropColumn("extensions", "products");
    }
}
