using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Catalog.Infrastructure.Tests.Persistence.HandWrittenSchema;

/// <summary>
/// Wholesale roles, and a variant's wholesale terms in four tables that name their role by key: prices per role and
/// currency, order quantities (minimum and step) per role, the visibility filter, and quantity discount rules in the
/// order sent. Written by hand like <see cref="Initial"/>; the schema test compares the result with the model.
/// </summary>
[DbContext(typeof(HandWrittenSchemaContext))]
[Migration("20261201100000_Wholesale")]
public sealed class Wholesale : Migration
{
    private static readonly string[] Tables =
        ["variant_wholesale_prices", "variant_wholesale_order_quantities", "variant_wholesale_visibility", "variant_wholesale_discount_rules"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "wholesale_roles",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                version = table.Column<long>(nullable: false),
                created_at = table.Column<DateTimeOffset>(nullable: false),
                updated_at = table.Column<DateTimeOffset>(nullable: false),
                key = table.Column<string>(maxLength: 64, nullable: false),
                name = table.Column<string>(maxLength: 255, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_wholesale_roles", x => x.id));

        // Before the tables whose foreign keys point at it: PostgreSQL wants the unique index to exist first.
        migrationBuilder.CreateIndex("ix_wholesale_roles_key", "wholesale_roles", "key", unique: true);

        migrationBuilder.CreateTable(
            name: "variant_wholesale_prices",
            columns: table => new
            {
                variant_id = table.Column<long>(nullable: false),
                role = table.Column<string>(maxLength: 64, nullable: false),
                currency_code = table.Column<string>(maxLength: 3, nullable: false),
                amount = table.Column<decimal>(precision: 18, scale: 4, nullable: false),
                sale_amount = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_variant_wholesale_prices", x => new { x.variant_id, x.role, x.currency_code });
                table.ForeignKey("fk_variant_wholesale_prices_variant_id", x => x.variant_id, "variants", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_variant_wholesale_prices_role", x => x.role, "wholesale_roles", "key", onDelete: ReferentialAction.NoAction);
            });

        migrationBuilder.CreateTable(
            name: "variant_wholesale_order_quantities",
            columns: table => new
            {
                variant_id = table.Column<long>(nullable: false),
                role = table.Column<string>(maxLength: 64, nullable: false),
                minimum = table.Column<long>(nullable: false),
                step = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_variant_wholesale_order_quantities", x => new { x.variant_id, x.role });
                table.ForeignKey("fk_variant_wholesale_order_quantities_variant_id", x => x.variant_id, "variants", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_variant_wholesale_order_quantities_role", x => x.role, "wholesale_roles", "key", onDelete: ReferentialAction.NoAction);
            });

        migrationBuilder.CreateTable(
            name: "variant_wholesale_visibility",
            columns: table => new
            {
                variant_id = table.Column<long>(nullable: false),
                role = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_variant_wholesale_visibility", x => new { x.variant_id, x.role });
                table.ForeignKey("fk_variant_wholesale_visibility_variant_id", x => x.variant_id, "variants", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_variant_wholesale_visibility_role", x => x.role, "wholesale_roles", "key", onDelete: ReferentialAction.NoAction);
            });

        migrationBuilder.CreateTable(
            name: "variant_wholesale_discount_rules",
            columns: table => new
            {
                variant_id = table.Column<long>(nullable: false),
                position = table.Column<int>(nullable: false),
                role = table.Column<string>(maxLength: 64, nullable: false),
                start_quantity = table.Column<long>(nullable: false),
                end_quantity = table.Column<long>(nullable: true),
                price_type = table.Column<string>(maxLength: 16, nullable: false),
                value = table.Column<decimal>(precision: 18, scale: 4, nullable: false),
                currency_code = table.Column<string>(maxLength: 3, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_variant_wholesale_discount_rules", x => new { x.variant_id, x.position });
                table.ForeignKey("fk_variant_wholesale_discount_rules_variant_id", x => x.variant_id, "variants", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_variant_wholesale_discount_rules_role", x => x.role, "wholesale_roles", "key", onDelete: ReferentialAction.NoAction);
            });

        // The role indexes serve the foreign keys and the "is this role still named" check a role delete makes.
        foreach (var table in Tables)
        {
            migrationBuilder.CreateIndex($"ix_{table}_role", table, "role");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in Tables.Append("wholesale_roles"))
        {
            migrationBuilder.DropTable(table);
        }
    }
}
