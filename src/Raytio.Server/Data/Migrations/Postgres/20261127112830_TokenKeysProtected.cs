using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raytio.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TokenKeysProtected : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "private_key_pem",
                table: "token_signing_keys",
                newName: "protected_private_key");

            migrationBuilder.AddColumn<DateTime>(
                name: "activates_at",
                table: "token_signing_keys",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Keys from before the publish delay have signed since they were made.
            migrationBuilder.Sql("UPDATE token_signing_keys SET activates_at = created_at;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "activates_at",
                table: "token_signing_keys");

            migrationBuilder.RenameColumn(
                name: "protected_private_key",
                table: "token_signing_keys",
                newName: "private_key_pem");
        }
    }
}
