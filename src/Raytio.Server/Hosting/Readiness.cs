namespace Raytio.Server.Hosting;

/// <summary>Set once start-up has migrated the database, so readiness checks need not ask EF again.</summary>
public sealed class Readiness
{
    private volatile bool migrated;

    public bool MigrationsApplied => migrated;

    public void MarkMigrated() => migrated = true;
}
