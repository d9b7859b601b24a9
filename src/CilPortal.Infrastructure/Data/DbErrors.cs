using Microsoft.EntityFrameworkCore;

namespace CilPortal.Infrastructure.Data;

/// <summary>Database errors the portal expects and answers in French rather than as a failure.</summary>
public static class DbErrors
{
    /// <summary>A unique index refused the row: SQLite constraint error 19, SQL Server duplicate key 2601/2627.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception?.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        Microsoft.Data.SqlClient.SqlException sqlServer => sqlServer.Number is 2601 or 2627,
        _ => false,
    };
}
