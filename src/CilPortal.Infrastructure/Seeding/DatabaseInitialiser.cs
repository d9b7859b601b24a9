using CilPortal.Domain.Scoring;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Identity;
using CilPortal.Infrastructure.Scoring;
using CilPortal.Infrastructure.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Infrastructure.Seeding;

/// <summary>At start-up: applies migrations, loads the reference data and the roles, then the demo territory when enabled.</summary>
public static class DatabaseInitialiser
{
    public static async Task InitialiseAsync(IServiceProvider services, bool seedDemo, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<CilPortalDbContext>();
        var databaseOptions = provider.GetRequiredService<DatabaseOptions>();
        if (databaseOptions.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        // Instances started together on one database (EF Core's migration lock covered the migrations) seed one after
        // the other: the first does the work, the next ones find it done.
        var leases = provider.GetRequiredService<CilPortal.Infrastructure.Jobs.JobLeases>();
        await leases.AcquireWaitingAsync(CilPortal.Infrastructure.Jobs.JobNames.Startup, TimeSpan.FromMinutes(10), cancellationToken);
        try
        {
            await SeedAsync(provider, db, seedDemo, cancellationToken);
        }
        finally
        {
            await leases.ReleaseAsync(CilPortal.Infrastructure.Jobs.JobNames.Startup, CancellationToken.None);
        }
    }

    private static async Task SeedAsync(IServiceProvider provider, CilPortalDbContext db, bool seedDemo, CancellationToken cancellationToken)
    {

        var territory = provider.GetRequiredService<TerritoryOptions>();
        await new ReferenceDataSeeder(db).SeedAsync(territory.EpciSiren, cancellationToken);

        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var today = new ParisClock(provider.GetRequiredService<TimeProvider>()).Today;

        // The example grid, for the CIL to adapt.
        if (!await db.ScoringGrids.AnyAsync(cancellationToken))
        {
            // Published in demo mode only: a real territory starts with the example as a draft, and nobody gets a score
            // until the CIL adopts and publishes its own grid.
            var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
            var example = ExampleGrid.Create(new DateOnly(today.Year, 1, 1), now);
            db.ScoringGrids.Add(seedDemo ? example : example.CopyAsDraft(1, now));
            await db.SaveChangesAsync(cancellationToken);
        }

        if (seedDemo)
        {
            await ActivatorUtilities.CreateInstance<DemoDataSeeder>(provider)
                .SeedAsync(provider.GetRequiredService<DemoOptions>(), today, cancellationToken);
        }

        // Leases signed before the classification existed, or imported, get their CIA classification.
        await provider.GetRequiredService<CilPortal.Infrastructure.Allocations.CiaClassificationService>().ClassifyMissingAsync(cancellationToken);

        var scoring = provider.GetRequiredService<ScoringService>();
        if (await scoring.IsStaleAsync(today, cancellationToken))
        {
            await scoring.RecomputeAllAsync(today, cancellationToken);
        }
    }
}
