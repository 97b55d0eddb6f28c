using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Catalog.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SharedProductAndVariantIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Variants now draw their ids from the products' counter (IdAllocator.SharedIdSpaces): move it past
            // both tables' ids, and never back.
            migrationBuilder.Sql(
                """
                INSERT INTO sqlite_sequence (name, seq)
                SELECT 'products', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'products');
                UPDATE sqlite_sequence
                SET seq = MAX(
                    seq, (SELECT COALESCE(MAX(id), 0) FROM variants), (SELECT COALESCE(MAX(id), 0) FROM products))
                WHERE name = 'products';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: ids stay unique across both tables.
        }
    }
}
