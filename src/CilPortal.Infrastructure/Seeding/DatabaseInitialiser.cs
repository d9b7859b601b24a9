using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Identity;
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

        if (seedDemo)
        {
            var today = DateOnly.FromDateTime(provider.GetRequiredService<TimeProvider>().GetLocalNow().Date);
            await ActivatorUtilities.CreateInstance<DemoDataSeeder>(provider)
                .SeedAsync(provider.GetRequiredService<DemoOptions>(), today, cancellationToken);
        }
    }
}
