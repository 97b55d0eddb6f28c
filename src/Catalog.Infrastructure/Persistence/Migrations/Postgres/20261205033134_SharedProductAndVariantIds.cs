using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Catalog.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SharedProductAndVariantIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Variants now draw their ids from the products' sequence (IdAllocator.SharedIdSpaces): move it past
            // both tables' ids, and never back (ids another instance reserved stay reserved).
            migrationBuilder.Sql(
                """
                DO $$
                DECLARE seq text := pg_get_serial_sequence('products', 'id');
                BEGIN
                    PERFORM setval(seq, GREATEST(
                        (SELECT COALESCE(MAX(id), 0) FROM variants),
                        (SELECT COALESCE(MAX(id), 0) FROM products),
                        nextval(seq)));
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: ids stay unique across both tables.
        }
    }
}
