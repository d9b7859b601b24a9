using CilPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace CilPortal.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add X --project src/CilPortal.Migrations.Sqlite</c> build the SQLite model.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CilPortalDbContext>
{
    public CilPortalDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.CreateOptions(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}
