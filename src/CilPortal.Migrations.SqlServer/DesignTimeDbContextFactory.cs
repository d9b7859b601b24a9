using CilPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace CilPortal.Migrations.SqlServer;

/// <summary>Lets <c>dotnet ef migrations add X --project src/CilPortal.Migrations.SqlServer</c> build the SQL Server model (no server is contacted).</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CilPortalDbContext>
{
    public CilPortalDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.CreateOptions(DatabaseProvider.SqlServer, "Server=localhost;Database=CilPortal;Trusted_Connection=True;TrustServerCertificate=True"));
}
