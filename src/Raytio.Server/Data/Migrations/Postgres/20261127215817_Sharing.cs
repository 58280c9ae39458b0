using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Raytio.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Sharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "access_application_users",
                columns: table => new
                {
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_application_users", x => new { x.application_id, x.user_id });
                });

            migrationBuilder.CreateTable(
                name: "access_applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    scopes = table.Column<string>(type: "text", nullable: false),
                    callback_uris = table.Column<string>(type: "text", nullable: false),
                    logout_uri = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    picture = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    transitions = table.Column<string>(type: "text", nullable: false),
                    tags = table.Column<string>(type: "text", nullable: false),
                    theme = table.Column<string>(type: "text", nullable: true),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    client_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    client_secret_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_applications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "application_private_keys",
                columns: table => new
                {
                    public_key_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    encrypted_data = table.Column<string>(type: "text", nullable: false),
                    encrypted_key = table.Column<string>(type: "text", nullable: false),
                    stored_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_application_private_keys", x => new { x.public_key_id, x.user_id });
                });

            migrationBuilder.CreateTable(
                name: "application_public_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jwk = table.Column<string>(type: "text", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_application_public_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resource_server_scopes",
                columns: table => new
                {
                    server_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resource_server_scopes", x => new { x.server_id, x.name });
                });

            migrationBuilder.CreateTable(
                name: "resource_servers",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resource_servers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "share_actions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_state = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    to_state = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    destination = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    template = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    body = table.Column<string>(type: "text", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    leased_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    leased_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    delivered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    failed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_share_actions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "share_instance_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    actor = table.Column<Guid>(type: "uuid", nullable: false),
                    from_state = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    to_state = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_share_instance_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "share_instance_keys",
                columns: table => new
                {
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    object_id = table.Column<Guid>(type: "uuid", nullable: false),
                    field_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    public_key_id = table.Column<Guid>(type: "uuid", nullable: false),
                    encrypted_key = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_share_instance_keys", x => new { x.instance_id, x.object_id, x.field_name, x.public_key_id });
                });

            migrationBuilder.CreateTable(
                name: "share_instance_objects",
                columns: table => new
                {
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    object_id = table.Column<Guid>(type: "uuid", nullable: false),
                    labels = table.Column<string>(type: "text", nullable: false),
                    properties = table.Column<string>(type: "text", nullable: false),
                    schema_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    schema_version = table.Column<int>(type: "integer", nullable: true),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    content_type = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    content_length = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_share_instance_objects", x => new { x.instance_id, x.object_id });
                });

            migrationBuilder.CreateTable(
                name: "share_instance_relationships",
                columns: table => new
                {
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    start_object_id = table.Column<Guid>(type: "uuid", nullable: false),
                    end_object_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_share_instance_relationships", x => new { x.instance_id, x.start_object_id, x.end_object_id, x.type });
                });

            migrationBuilder.CreateTable(
                name: "share_instances",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    shared_by = table.Column<Guid>(type: "uuid", nullable: false),
                    start_date = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    end_date = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    confirmation_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    thread = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    short_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    withdrawn_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_share_instances", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "user_keys",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    public_jwk = table.Column<string>(type: "text", nullable: true),
                    wrapped_private_key = table.Column<string>(type: "text", nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_keys", x => x.user_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_access_application_users_user_id",
                table: "access_application_users",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_access_applications_client_key",
                table: "access_applications",
                column: "client_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_access_applications_organization_id",
                table: "access_applications",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_access_applications_owner_id",
                table: "access_applications",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_application_private_keys_user_id",
                table: "application_private_keys",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_application_public_keys_application_id_created_at",
                table: "application_public_keys",
                columns: new[] { "application_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_share_actions_delivered_at_failed_at_next_attempt_at",
                table: "share_actions",
                columns: new[] { "delivered_at", "failed_at", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_share_actions_instance_id",
                table: "share_actions",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_share_instance_history_instance_id_id",
                table: "share_instance_history",
                columns: new[] { "instance_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_share_instance_keys_public_key_id",
                table: "share_instance_keys",
                column: "public_key_id");

            migrationBuilder.CreateIndex(
                name: "ix_share_instance_objects_content_hash",
                table: "share_instance_objects",
                column: "content_hash");

            migrationBuilder.CreateIndex(
                name: "ix_share_instance_objects_object_id",
                table: "share_instance_objects",
                column: "object_id");

            migrationBuilder.CreateIndex(
                name: "ix_share_instances_application_id_created_at",
                table: "share_instances",
                columns: new[] { "application_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_share_instances_shared_by_created_at",
                table: "share_instances",
                columns: new[] { "shared_by", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_application_users");

            migrationBuilder.DropTable(
                name: "access_applications");

            migrationBuilder.DropTable(
                name: "application_private_keys");

            migrationBuilder.DropTable(
                name: "application_public_keys");

            migrationBuilder.DropTable(
                name: "resource_server_scopes");

            migrationBuilder.DropTable(
                name: "resource_servers");

            migrationBuilder.DropTable(
                name: "share_actions");

            migrationBuilder.DropTable(
                name: "share_instance_history");

            migrationBuilder.DropTable(
                name: "share_instance_keys");

            migrationBuilder.DropTable(
                name: "share_instance_objects");

            migrationBuilder.DropTable(
                name: "share_instance_relationships");

            migrationBuilder.DropTable(
                name: "share_instances");

            migrationBuilder.DropTable(
                name: "user_keys");
        }
    }
}
