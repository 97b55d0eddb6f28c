using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Catalog.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JobTakenHandles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "taken_handles",
                table: "jobs",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Fail"); // jobs stored before this release ran as "fail" does
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "taken_handles",
                table: "jobs");
        }
    }
}
