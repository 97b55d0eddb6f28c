using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Catalog.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ManagedApiKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "consumer_key",
                table: "api_keys",
                type: "TEXT",
                maxLength: 43,
                nullable: false,
                defaultValue: "");

            // A key issued before keeps the consumer key it was given (its integrations keep working); new and
            // rotated keys get a random one (ADR 18).
            migrationBuilder.Sql("UPDATE api_keys SET consumer_key = 'ck_' || substr(hash, 1, 40);");

            // The old prefix kept 12 characters of every key, most of a key an operator chose: nothing is kept now.
            migrationBuilder.Sql("UPDATE api_keys SET prefix = '';");

            // The first-run key is the operator's: it may manage keys, as the bootstrap key may (set on its next start).
            migrationBuilder.Sql(
                "UPDATE api_keys SET scopes = scopes || ' catalog:admin' "
                + "WHERE name = 'first-run' AND scopes NOT LIKE '%catalog:admin%';");

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_consumer_key",
                table: "api_keys",
                column: "consumer_key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_api_keys_consumer_key",
                table: "api_keys");

            migrationBuilder.DropColumn(
                name: "consumer_key",
                table: "api_keys");
        }
    }
}
