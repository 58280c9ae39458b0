using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raytio.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FeatureModules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_one_time_codes_user_id",
                table: "one_time_codes");

            migrationBuilder.DropForeignKey(
                name: "fk_refresh_tokens_user_id",
                table: "refresh_tokens");

            // The development mailbox keeps its messages under its new name.
            migrationBuilder.RenameTable(
                name: "outbox_messages",
                newName: "mailbox_messages");

            migrationBuilder.Sql("ALTER TABLE mailbox_messages RENAME CONSTRAINT pk_outbox_messages TO pk_mailbox_messages;");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_to_created_at",
                table: "mailbox_messages",
                newName: "ix_mailbox_messages_to_created_at");

            migrationBuilder.AddForeignKey(
                name: "fk_one_time_codes_user_user_id",
                table: "one_time_codes",
                column: "user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_refresh_tokens_user_user_id",
                table: "refresh_tokens",
                column: "user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_one_time_codes_user_user_id",
                table: "one_time_codes");

            migrationBuilder.DropForeignKey(
                name: "fk_refresh_tokens_user_user_id",
                table: "refresh_tokens");

            migrationBuilder.RenameTable(
                name: "mailbox_messages",
                newName: "outbox_messages");

            migrationBuilder.Sql("ALTER TABLE outbox_messages RENAME CONSTRAINT pk_mailbox_messages TO pk_outbox_messages;");

            migrationBuilder.RenameIndex(
                name: "ix_mailbox_messages_to_created_at",
                table: "outbox_messages",
                newName: "ix_outbox_messages_to_created_at");

            migrationBuilder.AddForeignKey(
                name: "fk_one_time_codes_user_id",
                table: "one_time_codes",
                column: "user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_refresh_tokens_user_id",
                table: "refresh_tokens",
                column: "user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
