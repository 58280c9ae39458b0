using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raytio.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class XeroRevisionToken : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
