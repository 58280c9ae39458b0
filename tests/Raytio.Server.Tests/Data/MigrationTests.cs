using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Raytio.Server.Data;
using Raytio.Server.Features.Auth;
using Raytio.Server.Providers.Email;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Data;

/// <summary>Migrations that rename or rebuild tables keep the rows, on the engine of this run.</summary>
public sealed class MigrationTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "raytio-migration-" + Guid.NewGuid().ToString("N"));
    private string? _postgres;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        if (TestDatabase.IsPostgres)
        {
            _postgres = await TestDatabase.CreatePostgresDatabaseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        if (_postgres is not null)
        {
            await TestDatabase.DropPostgresDatabaseAsync(_postgres);
        }
    }

    [Fact]
    public async Task Moving_entities_into_their_areas_keeps_users_codes_and_mailbox_rows()
    {
        await using var db = CreateContext();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(db.Database.GetMigrations().First());

        var userId = Guid.NewGuid();
        var now = new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync($"INSERT INTO users (id, email, password_hash, status, preferences_json, created_at, updated_at) VALUES ({userId}, {"kept@example.com"}, {"hash"}, {1}, {"{}"}, {now}, {now})");
        await db.Database.ExecuteSqlAsync($"INSERT INTO one_time_codes (id, user_id, purpose, code_hash, created_at, expires_at) VALUES ({Guid.NewGuid()}, {userId}, {0}, {"code-hash"}, {now}, {now})");
        await db.Database.ExecuteSqlAsync($"INSERT INTO outbox_messages (id, \"to\", subject, body, created_at) VALUES ({Guid.NewGuid()}, {"kept@example.com"}, {"Subject"}, {"Body"}, {now})");

        await migrator.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal("kept@example.com", (await db.Users.SingleAsync()).Email);
        Assert.Equal("code-hash", (await db.OneTimeCodes.SingleAsync(c => c.UserId == userId)).CodeHash);
        Assert.Equal("Body", (await db.MailboxMessages.SingleAsync(m => m.To == "kept@example.com")).Body);
    }

    [Fact]
    public async Task Token_keys_of_earlier_versions_keep_their_plain_key_until_start_up_protects_it_and_have_signed_since_creation()
    {
        await using var db = CreateContext();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(db.Database.GetMigrations().Last(m => m.EndsWith("_SecurityStamp", StringComparison.Ordinal)));
        var created = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync($"INSERT INTO token_signing_keys (kid, private_key_pem, created_at) VALUES ({"old-kid"}, {"-----BEGIN PRIVATE KEY-----"}, {created})");

        await migrator.MigrateAsync();

        var key = await db.TokenSigningKeys.SingleAsync(k => k.Kid == "old-kid");
        Assert.Equal("-----BEGIN PRIVATE KEY-----", key.ProtectedPrivateKey);
        Assert.Equal(created, key.ActivatesAt);
    }

    private RaytioDbContext CreateContext() => _postgres is not null
        ? new PostgresRaytioDbContext(new DbContextOptionsBuilder<PostgresRaytioDbContext>().UseNpgsql(_postgres).UseSnakeCaseNamingConvention().Options)
        : new SqliteRaytioDbContext(new DbContextOptionsBuilder<SqliteRaytioDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, "raytio.db")}").UseSnakeCaseNamingConvention().Options);
}
