using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Raytio.Server.Data;

/// <summary>Lets `dotnet ef migrations add` build each provider's context without starting the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRaytioDbContext>
{
    public SqliteRaytioDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRaytioDbContext>().UseSqlite("Data Source=design.db").UseSnakeCaseNamingConvention().Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRaytioDbContext>
{
    public PostgresRaytioDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRaytioDbContext>().UseNpgsql("Host=localhost;Database=design").UseSnakeCaseNamingConvention().Options);
}
