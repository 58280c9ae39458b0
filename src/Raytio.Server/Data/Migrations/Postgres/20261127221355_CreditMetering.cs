using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Raytio.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CreditMetering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "inclusive",
                table: "billing_tax_rates",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<string>(
                name: "plan_id",
                table: "billing_invoice_lines",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.CreateTable(
                name: "billing_credit_entries",
                columns: table => new
                {
                    key = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    customer_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    check = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    microcredits = table.Column<long>(type: "bigint", nullable: false),
                    price_list_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    invoice_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    invoice_line_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    created = table.Column<long>(type: "bigint", nullable: false),
                    refunded_at = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_credit_entries", x => x.key);
                    table.ForeignKey(
                        name: "fk_billing_credit_entries_billing_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "billing_customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.UpdateData(
                table: "billing_tax_rates",
                keyColumn: "id",
                keyValue: "txr_GstNewZealand15",
                column: "inclusive",
                value: false);

            migrationBuilder.CreateIndex(
                name: "ix_billing_credit_entries_customer_id_kind_invoice_id",
                table: "billing_credit_entries",
                columns: new[] { "customer_id", "kind", "invoice_id" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_credit_entries_customer_id_reference",
                table: "billing_credit_entries",
                columns: new[] { "customer_id", "reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_billing_credit_entries_id",
                table: "billing_credit_entries",
                column: "id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "billing_credit_entries");

            migrationBuilder.DropColumn(
                name: "inclusive",
                table: "billing_tax_rates");

            migrationBuilder.AlterColumn<string>(
                name: "plan_id",
                table: "billing_invoice_lines",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);
        }
    }
}
