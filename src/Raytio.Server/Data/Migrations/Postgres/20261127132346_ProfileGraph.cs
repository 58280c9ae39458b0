using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Raytio.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProfileGraph : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    occurred_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    event_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    @event = table.Column<string>(name: "event", type: "jsonb", nullable: false),
                    seal_sequence = table.Column<long>(type: "bigint", nullable: true),
                    previous_hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    hash = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "graph_nodes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    key = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    labels = table.Column<string>(type: "jsonb", nullable: false),
                    properties = table.Column<string>(type: "jsonb", nullable: false),
                    schema_id = table.Column<Guid>(type: "uuid", nullable: true),
                    schema_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    schema_version = table.Column<int>(type: "integer", nullable: true),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    content_type = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    content_length = table.Column<long>(type: "bigint", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_graph_nodes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "leases",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    holder = table.Column<Guid>(type: "uuid", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leases", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "graph_labels",
                columns: table => new
                {
                    node_id = table.Column<long>(type: "bigint", nullable: false),
                    label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_graph_labels", x => new { x.label, x.node_id });
                    table.ForeignKey(
                        name: "fk_graph_labels_graph_node_node_id",
                        column: x => x.node_id,
                        principalTable: "graph_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "graph_relationships",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    p_id = table.Column<Guid>(type: "uuid", nullable: false),
                    start_id = table.Column<long>(type: "bigint", nullable: false),
                    end_id = table.Column<long>(type: "bigint", nullable: false),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    properties = table.Column<string>(type: "jsonb", nullable: false),
                    origin_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_graph_relationships", x => x.id);
                    table.ForeignKey(
                        name: "fk_graph_relationships_graph_nodes_end_id",
                        column: x => x.end_id,
                        principalTable: "graph_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_graph_relationships_graph_nodes_start_id",
                        column: x => x.start_id,
                        principalTable: "graph_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_seal_sequence",
                table: "audit_events",
                column: "seal_sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_subject_id_id",
                table: "audit_events",
                columns: new[] { "subject_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_user_id_id",
                table: "audit_events",
                columns: new[] { "user_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_graph_labels_node_id",
                table: "graph_labels",
                column: "node_id");

            migrationBuilder.CreateIndex(
                name: "ix_graph_nodes_content_hash",
                table: "graph_nodes",
                column: "content_hash");

            migrationBuilder.CreateIndex(
                name: "ix_graph_nodes_key",
                table: "graph_nodes",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_graph_relationships_end_id_start_id_type",
                table: "graph_relationships",
                columns: new[] { "end_id", "start_id", "type" });

            migrationBuilder.CreateIndex(
                name: "ix_graph_relationships_origin_id_start_id_end_id_type",
                table: "graph_relationships",
                columns: new[] { "origin_id", "start_id", "end_id", "type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_graph_relationships_p_id",
                table: "graph_relationships",
                column: "p_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_graph_relationships_start_id_type_end_id",
                table: "graph_relationships",
                columns: new[] { "start_id", "type", "end_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "graph_labels");

            migrationBuilder.DropTable(
                name: "graph_relationships");

            migrationBuilder.DropTable(
                name: "leases");

            migrationBuilder.DropTable(
                name: "graph_nodes");
        }
    }
}
