using CilPortal.Domain.Exchanges;
using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Infrastructure.Seeding;

/// <summary>
/// Fictional exchange members with published listings in bulk, for the benchmark territory (<see cref="DemoTerritorySize.Metropolis"/>):
/// each lives in one of the generated dwellings (its typology, surface, rent and floor) and wants a neighbouring typology in
/// one to three communes of the territory, with a budget around its rent and, when it wants more room, a minimum surface.
/// Accounts are written directly, without password (nobody signs in as them), in batches of 5,000; deterministic for a seed.
/// </summary>
public sealed class ManyExchangeListingsSeeder(CilPortalDbContext db)
{
    private const int Batch = 5_000;
    private const string EmailPrefix = "membre-echange-masse-";

    public async Task SeedAsync(int count, int seed, CancellationToken cancellationToken = default)
    {
        if (count <= 0 || await db.Users.AnyAsync(u => u.Email!.StartsWith(EmailPrefix), cancellationToken))
        {
            return;
        }

        var tenantRole = await db.Roles.Where(r => r.Name == Roles.Tenant).Select(r => r.Id).SingleAsync(cancellationToken);
        var dwellings = await db.Dwellings.AsNoTracking()
            .OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.ResidenceId, d.Residence!.BailleurId, d.Residence.CommuneInseeCode, d.Typology, d.Surface, d.Rent, d.Charges, d.Floor, d.HasLift, d.Accessibility })
            .ToListAsync(cancellationToken);
        var communes = dwellings.GroupBy(d => d.CommuneInseeCode).OrderByDescending(g => g.Count()).Select(g => g.Key).ToArray();
        var random = new Random(seed + 2);
        var pseudonyms = new HashSet<string>(await db.ExchangeMembers.Select(m => m.Pseudonym).ToListAsync(cancellationToken), StringComparer.Ordinal);
        var now = DateTime.UtcNow;
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < count; i++)
        {
            var home = dwellings[random.Next(dwellings.Count)];
            var email = $"{EmailPrefix}{i + 1}@{DemoAccounts.Domain}";
            var user = new ApplicationUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = $"Membre fictif {i + 1}",
                IsDemoAccount = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = tenantRole });
            string pseudonym;
            do
            {
                pseudonym = ExchangePseudonyms.Create(random);
            }
            while (!pseudonyms.Add(pseudonym));

            var member = new ExchangeMember
            {
                UserId = user.Id,
                BailleurId = home.BailleurId,
                ResidenceId = home.ResidenceId,
                TenantReference = $"LOC-{i + 1:D6}",
                Pseudonym = pseudonym,
                ContactName = $"Membre fictif {i + 1}",
                Status = MemberStatus.Verified,
                RegisteredAt = now.AddDays(-random.Next(30, 400)),
                ReviewedAt = now.AddDays(-random.Next(1, 29)),
                AcceptsProposedChains = random.Next(10) > 0,
            };
            db.ExchangeMembers.Add(member);

            // Why they move: more room (40 %), less room (25 %), the same elsewhere (35 %).
            var reason = random.Next(100);
            var t = (int)home.Typology;
            var wanted = reason < 40 ? Set(t + 1) | (random.Next(100) < 30 ? Set(t + 2) : 0)
                : reason < 65 ? Set(t - 1) | (random.Next(100) < 25 ? Set(t - 2) : 0)
                : Set(t);
            if (wanted == TypologySet.None)
            {
                wanted = Set(t);
            }

            var wishedCommunes = Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => communes[Math.Min(communes.Length - 1, (int)(Math.Pow(random.NextDouble(), 2.5) * communes.Length))])
                .Append(home.CommuneInseeCode)
                .Distinct()
                .ToList();
            var rent = home.Rent + home.Charges;
            db.ExchangeListings.Add(new ExchangeListing
            {
                Member = member,
                Typology = home.Typology,
                Surface = home.Surface,
                Rent = home.Rent,
                Charges = home.Charges,
                Floor = home.Floor,
                HasLift = home.HasLift,
                Accessibility = home.Accessibility,
                HasOutdoorSpace = random.Next(3) == 0,
                HasParking = random.Next(4) == 0,
                Heating = random.Next(2) == 0 ? HeatingKind.Individual : HeatingKind.Collective,
                Description = "Annonce fictive du territoire de mesure.",
                WantedCommunes = random.Next(100) < 6 ? "" : string.Join(',', wishedCommunes),
                WantedTypologies = wanted,
                MaxRentWithCharges = random.Next(100) < 80 ? Math.Round(rent * (reason < 40 ? 1.35m : 1.1m) + random.Next(0, 60)) : null,
                MinSurface = reason < 40 && random.Next(100) < 70 ? Math.Round(home.Surface + random.Next(0, 11)) : null,
                MaxFloorWithoutLift = random.Next(100) < 15 ? random.Next(0, 3) : null,
                RequiredAccessibility = random.Next(100) < 4 ? Accessibility.Adaptable : Accessibility.None,
                Status = random.Next(100) < 97 ? ListingStatus.Published : ListingStatus.AwaitingValidation,
                CreatedAt = now.AddDays(-random.Next(20, 300)),
                UpdatedAt = now.AddDays(-random.Next(1, 20)),
                PublishedAt = now.AddDays(-random.Next(1, 20)),
            });
            if ((i + 1) % Batch == 0 || i == count - 1)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
    }

    private static TypologySet Set(int typology) => typology is >= 1 and <= 6 ? ((Typology)typology).ToSet() : TypologySet.None;
}
