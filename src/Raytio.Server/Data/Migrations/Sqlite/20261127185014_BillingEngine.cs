using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Raytio.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BillingEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "balance",
                table: "billing_customers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "billing_invoice_lines",
                columns: table => new
                {
                    key = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    invoice_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    subscription_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    subscription_item_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    plan_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: false),
                    tax_amount = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    proration = table.Column<bool>(type: "INTEGER", nullable: false),
                    period_start = table.Column<long>(type: "INTEGER", nullable: false),
                    period_end = table.Column<long>(type: "INTEGER", nullable: false),
                    created = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_invoice_lines", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "billing_invoices",
                columns: table => new
                {
                    key = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    subscription_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    billing_reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    subtotal = table.Column<long>(type: "INTEGER", nullable: false),
                    tax = table.Column<long>(type: "INTEGER", nullable: false),
                    total = table.Column<long>(type: "INTEGER", nullable: false),
                    starting_balance = table.Column<long>(type: "INTEGER", nullable: false),
                    ending_balance = table.Column<long>(type: "INTEGER", nullable: false),
                    amount_due = table.Column<long>(type: "INTEGER", nullable: false),
                    amount_paid = table.Column<long>(type: "INTEGER", nullable: false),
                    attempt_count = table.Column<int>(type: "INTEGER", nullable: false),
                    next_payment_attempt = table.Column<long>(type: "INTEGER", nullable: true),
                    charge_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    payment_method_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    tax_rate_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    period_start = table.Column<long>(type: "INTEGER", nullable: false),
                    period_end = table.Column<long>(type: "INTEGER", nullable: false),
                    created = table.Column<long>(type: "INTEGER", nullable: false),
                    paid_at = table.Column<long>(type: "INTEGER", nullable: true),
                    voided_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_invoices", x => x.key);
                    table.ForeignKey(
                        name: "fk_billing_invoices_billing_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "billing_customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "billing_payment_methods",
                columns: table => new
                {
                    key = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    test_token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    brand = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    last4 = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    exp_month = table.Column<int>(type: "INTEGER", nullable: false),
                    exp_year = table.Column<int>(type: "INTEGER", nullable: false),
                    funding = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    created = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_payment_methods", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "billing_products",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_products", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "billing_subscriptions",
                columns: table => new
                {
                    key = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    interval = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    interval_count = table.Column<int>(type: "INTEGER", nullable: false),
                    billing_cycle_anchor = table.Column<long>(type: "INTEGER", nullable: false),
                    cycle = table.Column<int>(type: "INTEGER", nullable: false),
                    current_period_start = table.Column<long>(type: "INTEGER", nullable: false),
                    current_period_end = table.Column<long>(type: "INTEGER", nullable: false),
                    cancel_at_period_end = table.Column<bool>(type: "INTEGER", nullable: false),
                    canceled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    trial_start = table.Column<long>(type: "INTEGER", nullable: true),
                    trial_end = table.Column<long>(type: "INTEGER", nullable: true),
                    created = table.Column<long>(type: "INTEGER", nullable: false),
                    start = table.Column<long>(type: "INTEGER", nullable: false),
                    latest_invoice_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    tax_rate_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_subscriptions", x => x.key);
                    table.UniqueConstraint("ak_billing_subscriptions_id", x => x.id);
                    table.ForeignKey(
                        name: "fk_billing_subscriptions_billing_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "billing_customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "billing_tax_rates",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    jurisdiction = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    percentage = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    default_for_currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    created = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_tax_rates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "billing_plans",
                columns: table => new
                {
                    key = table.Column<long>(type: "INTEGER", nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    nickname = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    interval = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    interval_count = table.Column<int>(type: "INTEGER", nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    trial_period_days = table.Column<int>(type: "INTEGER", nullable: true),
                    created = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_plans", x => x.key);
                    table.UniqueConstraint("ak_billing_plans_id", x => x.id);
                    table.ForeignKey(
                        name: "fk_billing_plans_billing_product_record_product_id",
                        column: x => x.product_id,
                        principalTable: "billing_products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "billing_subscription_items",
                columns: table => new
                {
                    key = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    subscription_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    plan_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    created = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_subscription_items", x => x.key);
                    table.ForeignKey(
                        name: "fk_billing_subscription_items_billing_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "billing_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_billing_subscription_items_billing_subscriptions_subscription_id",
                        column: x => x.subscription_id,
                        principalTable: "billing_subscriptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "billing_products",
                columns: new[] { "id", "created", "name" },
                values: new object[,]
                {
                    { "prod_RaytioCredits", 1704067200L, "Raytio verification credits" },
                    { "prod_RaytioPlatform", 1704067200L, "Raytio platform" }
                });

            migrationBuilder.InsertData(
                table: "billing_tax_rates",
                columns: new[] { "id", "active", "created", "default_for_currency", "description", "display_name", "jurisdiction", "percentage" },
                values: new object[] { "txr_GstNewZealand15", true, 1704067200L, "nzd", "New Zealand goods and services tax", "GST", "NZ", 15m });

            migrationBuilder.InsertData(
                table: "billing_plans",
                columns: new[] { "key", "active", "amount", "created", "currency", "id", "interval", "interval_count", "nickname", "product_id", "trial_period_days" },
                values: new object[,]
                {
                    { 1L, false, 2900L, 1704067260L, "nzd", "plan_LegacyMonthlyNZ", "month", 1, "Legacy monthly NZ", "prod_RaytioPlatform", null },
                    { 2L, true, 4900L, 1704067320L, "nzd", "plan_StarterMonthlyNZ", "month", 1, "Starter monthly NZ", "prod_RaytioPlatform", null },
                    { 3L, true, 19900L, 1704067380L, "nzd", "plan_BusinessMonthlyNZ", "month", 1, "Business monthly NZ", "prod_RaytioPlatform", null },
                    { 4L, true, 4900L, 1704067440L, "nzd", "plan_StarterTrialNZ", "month", 1, "Starter monthly NZ, 14-day trial", "prod_RaytioPlatform", 14 },
                    { 5L, true, 199000L, 1704067500L, "nzd", "plan_BusinessYearlyNZ", "year", 1, "Business yearly NZ", "prod_RaytioPlatform", null },
                    { 6L, true, 2900L, 1704067560L, "usd", "plan_StarterMonthlyUS", "month", 1, "Starter monthly US", "prod_RaytioPlatform", null },
                    { 7L, true, 10000L, 1704067620L, "nzd", "plan_CreditBundle100NZ", "month", 1, "Credit bundle 100 NZ", "prod_RaytioCredits", null },
                    { 8L, true, 55000L, 1704067680L, "nzd", "plan_CreditBundle550NZ", "month", 1, "Credit bundle 550 NZ", "prod_RaytioCredits", null }
                });

            migrationBuilder.CreateIndex(
                name: "ix_billing_invoice_lines_id",
                table: "billing_invoice_lines",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_billing_invoice_lines_invoice_id_key",
                table: "billing_invoice_lines",
                columns: new[] { "invoice_id", "key" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_invoice_lines_subscription_id_invoice_id",
                table: "billing_invoice_lines",
                columns: new[] { "subscription_id", "invoice_id" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_invoices_customer_id_key",
                table: "billing_invoices",
                columns: new[] { "customer_id", "key" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_invoices_id",
                table: "billing_invoices",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_billing_invoices_number",
                table: "billing_invoices",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_billing_invoices_status_next_payment_attempt",
                table: "billing_invoices",
                columns: new[] { "status", "next_payment_attempt" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_payment_methods_customer_id_key",
                table: "billing_payment_methods",
                columns: new[] { "customer_id", "key" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_payment_methods_id",
                table: "billing_payment_methods",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_billing_plans_id",
                table: "billing_plans",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_billing_plans_product_id",
                table: "billing_plans",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_billing_subscription_items_id",
                table: "billing_subscription_items",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_billing_subscription_items_plan_id",
                table: "billing_subscription_items",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_billing_subscription_items_subscription_id",
                table: "billing_subscription_items",
                column: "subscription_id");

            migrationBuilder.CreateIndex(
                name: "ix_billing_subscriptions_customer_id_key",
                table: "billing_subscriptions",
                columns: new[] { "customer_id", "key" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_subscriptions_id",
                table: "billing_subscriptions",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_billing_subscriptions_status_current_period_end",
                table: "billing_subscriptions",
                columns: new[] { "status", "current_period_end" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_tax_rates_default_for_currency",
                table: "billing_tax_rates",
                column: "default_for_currency",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "billing_invoice_lines");

            migrationBuilder.DropTable(
                name: "billing_invoices");

            migrationBuilder.DropTable(
                name: "billing_payment_methods");

            migrationBuilder.DropTable(
                name: "billing_subscription_items");

            migrationBuilder.DropTable(
                name: "billing_tax_rates");

            migrationBuilder.DropTable(
                name: "billing_plans");

            migrationBuilder.DropTable(
                name: "billing_subscriptions");

            migrationBuilder.DropTable(
                name: "billing_products");

            migrationBuilder.DropColumn(
                name: "balance",
                table: "billing_customers");
        }
    }
}
