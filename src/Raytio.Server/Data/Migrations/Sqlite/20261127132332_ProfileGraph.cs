using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Raytio.Server.Data.Migrations.Sqlite
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    occurred_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    @event = table.Column<string>(name: "event", type: "TEXT", nullable: false),
                    seal_sequence = table.Column<long>(type: "INTEGER", nullable: true),
                    previous_hash = table.Column<byte[]>(type: "BLOB", nullable: true),
                    hash = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "graph_nodes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    labels = table.Column<string>(type: "TEXT", nullable: false),
                    properties = table.Column<string>(type: "TEXT", nullable: false),
                    schema_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    schema_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    schema_version = table.Column<int>(type: "INTEGER", nullable: true),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    content_length = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_graph_nodes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "leases",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    holder = table.Column<Guid>(type: "TEXT", nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leases", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "graph_labels",
                columns: table => new
                {
                    node_id = table.Column<long>(type: "INTEGER", nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    p_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    start_id = table.Column<long>(type: "INTEGER", nullable: false),
                    end_id = table.Column<long>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    properties = table.Column<string>(type: "TEXT", nullable: false),
                    origin_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
