using CilPortal.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CilPortal.Tests.Data;

public class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Neither_provider_has_model_changes_without_a_migration(DatabaseProvider provider)
    {
        using var db = new CilPortalDbContext(DatabaseSetup.CreateOptions(provider, ConnectionStringFor(provider)));

        Assert.True(db.Database.GetMigrations().Any(), $"{provider} has no migration.");
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changed: run 'dotnet ef migrations add <Name> --project src/CilPortal.Migrations.{provider}'.");
    }

    [Fact]
    public async Task Sqlite_migrations_apply_on_an_empty_database()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cilportal-migrations-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = new CilPortalDbContext(DatabaseSetup.CreateOptions(DatabaseProvider.Sqlite, $"Data Source={path}")))
            {
                await db.Database.MigrateAsync();

                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.Equal(0, await db.Demands.CountAsync());
                Assert.Equal(0, await db.Users.CountAsync());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public void Sql_server_migration_script_parses_with_the_t_sql_parser()
    {
        using var db = new CilPortalDbContext(DatabaseSetup.CreateOptions(DatabaseProvider.SqlServer, ConnectionStringFor(DatabaseProvider.SqlServer)));
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        parser.Parse(new StringReader(script), out var errors);

        Assert.Contains("CREATE TABLE [Demands]", script, StringComparison.Ordinal);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
    }

    [Fact]
    public void Sql_server_stores_money_as_decimal_and_sqlite_as_real()
    {
        using var sqlServer = new CilPortalDbContext(DatabaseSetup.CreateOptions(DatabaseProvider.SqlServer, ConnectionStringFor(DatabaseProvider.SqlServer)));
        using var sqlite = new CilPortalDbContext(DatabaseSetup.CreateOptions(DatabaseProvider.Sqlite, ConnectionStringFor(DatabaseProvider.Sqlite)));

        Assert.Equal("decimal(12,2)", sqlServer.Model.FindEntityType(typeof(CilPortal.Domain.Stock.Dwelling))!.FindProperty("Rent")!.GetColumnType());
        Assert.Equal("REAL", sqlite.Model.FindEntityType(typeof(CilPortal.Domain.Stock.Dwelling))!.FindProperty("Rent")!.GetColumnType());
    }

    private static string ConnectionStringFor(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? "Data Source=:memory:"
        : "Server=localhost;Database=CilPortal;Trusted_Connection=True;TrustServerCertificate=True";
}
