using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raytio.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneTimeCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "otp_destinations",
                columns: table => new
                {
                    destination_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    last_sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_otp_destinations", x => x.destination_hash);
                });

            migrationBuilder.CreateTable(
                name: "otp_verifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sid = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: false),
                    started_by = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    destination_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    channel = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    code_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    checks = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_otp_verifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "otp_sends",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    verification_id = table.Column<Guid>(type: "uuid", nullable: false),
                    destination_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    channel = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_otp_sends", x => x.id);
                    table.ForeignKey(
                        name: "fk_otp_sends_code_verification_verification_id",
                        column: x => x.verification_id,
                        principalTable: "otp_verifications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_otp_destinations_last_sent_at",
                table: "otp_destinations",
                column: "last_sent_at");

            migrationBuilder.CreateIndex(
                name: "ix_otp_sends_destination_hash_sent_at",
                table: "otp_sends",
                columns: new[] { "destination_hash", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_otp_sends_verification_id",
                table: "otp_sends",
                column: "verification_id");

            migrationBuilder.CreateIndex(
                name: "ix_otp_verifications_destination_hash_status",
                table: "otp_verifications",
                columns: new[] { "destination_hash", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_otp_verifications_expires_at",
                table: "otp_verifications",
                column: "expires_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "otp_destinations");

            migrationBuilder.DropTable(
                name: "otp_sends");

            migrationBuilder.DropTable(
                name: "otp_verifications");
        }
    }
}
