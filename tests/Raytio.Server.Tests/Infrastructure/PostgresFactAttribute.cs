namespace Raytio.Server.Tests.Infrastructure;

/// <summary>
/// A test that needs PostgreSQL (several server processes sharing one database). On a SQLite run
/// it is reported as skipped, not passed.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.IsPostgres)
        {
            Skip = $"needs PostgreSQL: set {TestDatabase.PostgresVariable}";
        }
    }
}
