using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Raytio.Server.Data;

public static class UniqueViolation
{
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>
    /// True when the save failed because a unique index or the primary key already held the value
    /// (a lost race), on either engine. PostgreSQL reports both as 23505; SQLite tells them apart.
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException failure) => failure.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };
}
