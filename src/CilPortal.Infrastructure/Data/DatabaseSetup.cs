using CilPortal.Infrastructure.Statistics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Settings of the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default) or <c>SqlServer</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder of the SQLite file when no connection string is given, relative to the content root.</summary>
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>Apply pending migrations at start-up.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

public static class DatabaseSetup
{
    public const string ConnectionStringName = "CilPortal";
    public const string SqliteMigrationsAssembly = "CilPortal.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "CilPortal.Migrations.SqlServer";

    /// <summary>Registers the DbContext on the provider chosen by <c>Database:Provider</c>.</summary>
    public static IServiceCollection AddCilPortalDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            var folder = Path.GetFullPath(options.DataDirectory, contentRoot);
            Directory.CreateDirectory(folder);
            // A write that finds the file locked by another connection (a background job, another instance on the same
            // file) waits and retries for up to DefaultTimeout seconds (Microsoft.Data.Sqlite retries SQLITE_BUSY and
            // SQLITE_LOCKED until then) instead of failing at once; 30 s is the library's default, written here so that
            // it is seen. A connection string given in configuration can set its own "Default Timeout".
            connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "cilportal.db"), DefaultTimeout = 30 }.ToString();
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"La chaîne de connexion 'ConnectionStrings:{ConnectionStringName}' est obligatoire avec le fournisseur {options.Provider}.");
        }

        services.AddSingleton(options);
        services.AddSingleton<StatisticsVersion>();
        services.AddSingleton<ExchangeVersion>();
        services.AddSingleton<CilPortal.Infrastructure.Exchanges.ExchangeSearchCache>();
        services.AddSingleton<CilPortal.Infrastructure.Jobs.JobLeases>();
        services.AddMemoryCache();
        services.AddScoped<KeyFiguresService>();
        services.AddScoped<CommuneNames>();
        services.AddScoped<IncomeCeilings>();
        services.AddScoped<CilPortal.Infrastructure.Scoring.ScoringService>();
        services.AddScoped<CilPortal.Infrastructure.Demands.DemandEventRecorder>();
        services.AddScoped<CilPortal.Infrastructure.Importers.DemandEventImporter>();
        services.AddScoped<CilPortal.Infrastructure.Importers.StockImporter>();
        services.AddScoped<CilPortal.Infrastructure.Importers.QpvImporter>();
        services.AddScoped<CilPortal.Infrastructure.Importers.AllocationImporter>();
        services.AddScoped<CilPortal.Infrastructure.Allocations.CaleolService>();
        services.AddScoped<CilPortal.Infrastructure.Demands.DeskRegistration>();
        services.AddScoped<CilPortal.Infrastructure.Allocations.CiaDashboardService>();
        services.AddScoped<CilPortal.Infrastructure.Allocations.CiaClassificationService>();
        services.AddScoped<CilPortal.Infrastructure.Reception.DemandAccessAudit>();
        services.AddScoped<CilPortal.Infrastructure.Audit.AuditLog>();
        services.AddScoped<CilPortal.Infrastructure.Audit.AuditPurgeJob>();
        services.AddScoped<CilPortal.Infrastructure.Audit.StruckOffDemandPurgeJob>();
        services.AddScoped<CilPortal.Infrastructure.Reception.ReceptionAgentPlaces>();
        services.AddScoped<CilPortal.Infrastructure.Commission.CommissionAccess>();
        services.AddScoped<CilPortal.Infrastructure.Commission.CommissionService>();
        services.AddScoped<CilPortal.Infrastructure.Reception.AppointmentBooking>();
        services.AddScoped<CilPortal.Infrastructure.Reception.AppointmentReminderJob>();
        services.AddScoped<CilPortal.Infrastructure.Importers.SneImporter>();
        services.AddScoped<CilPortal.Infrastructure.Access.DemandAccessService>();
        services.AddScoped<CilPortal.Infrastructure.Access.DemandLinking>();
        // Passwords: PBKDF2-HMAC-SHA512. Access codes and attachment codes, which the portal draws at random: HMAC-SHA256
        // under a key kept out of the database (AccessCodeHasher; the key is registered by the host, AccessCodes:HmacKey),
        // codes hashed with PBKDF2 before it still checked with Identity's hasher.
        services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = CilPortal.Infrastructure.Identity.PasswordPolicy.HashIterations);
        services.AddSingleton<Microsoft.AspNetCore.Identity.PasswordHasher<CilPortal.Domain.Demands.Demand>>();
        services.AddSingleton<CilPortal.Infrastructure.Access.AccessCodeHasher>();
        services.AddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<CilPortal.Domain.Demands.Demand>>(sp => sp.GetRequiredService<CilPortal.Infrastructure.Access.AccessCodeHasher>());
        // Pooled: a request rents a context already built (its services resolved, its DbSets set) instead of building
        // one, which cost more than most of the queries a page runs (issue #11, bench/results/README.md). The context
        // keeps no state of its own between requests; EF Core resets its change tracker when it goes back to the pool.
        services.AddDbContextPool<CilPortalDbContext>((provider, builder) =>
            Configure(builder, options.Provider, connectionString).AddInterceptors(provider.GetRequiredService<StatisticsVersion>(), provider.GetRequiredService<ExchangeVersion>()));
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly)),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }

    /// <summary>Options for a context outside dependency injection (design-time tools, tests).</summary>
    public static DbContextOptions<CilPortalDbContext> CreateOptions(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<CilPortalDbContext>();
        Configure(builder, provider, connectionString);
        return builder.Options;
    }
}
