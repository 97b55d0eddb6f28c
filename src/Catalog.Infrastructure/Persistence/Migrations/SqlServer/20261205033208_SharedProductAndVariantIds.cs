using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Catalog.Infrastructure.Persistence.Migrations.SqlServer
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
                DECLARE @next bigint = 1 + (SELECT MAX(v) FROM (VALUES
                    ((SELECT ISNULL(MAX([id]), 0) FROM [products])),
                    ((SELECT ISNULL(MAX([id]), 0) FROM [variants])),
                    ((SELECT CONVERT(bigint, [current_value]) FROM sys.sequences WHERE [name] = N'products_id_seq'))
                ) AS [ids](v));
                DECLARE @restart nvarchar(200) =
                    N'ALTER SEQUENCE [products_id_seq] RESTART WITH ' + CONVERT(nvarchar(20), @next);
                EXEC sp_executesql @restart;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: ids stay unique across both tables.
        }
    }
}
