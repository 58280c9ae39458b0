using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Raytio.Server.Data;

public static class UniqueViolation
{
    private const int SqliteConstraintUnique = 2067;

    /// <summary>True when the save failed because a unique index already held the value (a lost race), on either engine.</summary>
    public static bool IsUniqueViolation(this DbUpdateException failure) => failure.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteConstraintUnique,
        _ => false,
    };
}
