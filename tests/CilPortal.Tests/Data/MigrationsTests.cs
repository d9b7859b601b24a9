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

    /// <summary>
    /// SQL Server refuses a foreign key that would give a table two cascading paths from another table, or a
    /// cycle (error 1785). No SQL Server runs here, so the model is checked: ON DELETE CASCADE and SET NULL
    /// edges must reach every table by at most one path.
    /// </summary>
    [Fact]
    public void Sql_server_model_has_no_multiple_cascade_paths()
    {
        using var db = new CilPortalDbContext(DatabaseSetup.CreateOptions(DatabaseProvider.SqlServer, ConnectionStringFor(DatabaseProvider.SqlServer)));
        var edges = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetForeignKeys())
            .Where(fk => fk.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.SetNull)
            // An owned type stored in its owner's table (table splitting) has no foreign key constraint.
            .Where(fk => !(fk.IsOwnership && fk.PrincipalEntityType.GetTableName() == fk.DeclaringEntityType.GetTableName()))
            .Select(fk => (From: fk.PrincipalEntityType.GetTableName()!, To: fk.DeclaringEntityType.GetTableName()!))
            .Where(e => e.From is not null && e.To is not null)
            .ToList();
        var tables = edges.SelectMany(e => new[] { e.From, e.To }).Distinct().ToList();

        foreach (var source in tables)
        {
            var paths = new Dictionary<string, int>();
            var stack = new Stack<(string Table, int Depth)>();
            stack.Push((source, 0));
            while (stack.Count > 0)
            {
                var (table, depth) = stack.Pop();
                Assert.True(depth < 20, $"Cascade cycle through {source}.");
                foreach (var edge in edges.Where(e => e.From == table))
                {
                    paths[edge.To] = paths.GetValueOrDefault(edge.To) + 1;
                    stack.Push((edge.To, depth + 1));
                }
            }

            Assert.All(paths, p => Assert.True(p.Value == 1, $"{p.Key} can be reached from {source} by {p.Value} cascading paths: SQL Server would refuse it."));
        }
    }

    private static string ConnectionStringFor(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? "Data Source=:memory:"
        : "Server=localhost;Database=CilPortal;Trusted_Connection=True;TrustServerCertificate=True";
}
