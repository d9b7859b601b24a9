using CilPortal.Domain.Exchanges;
using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Infrastructure.Seeding;

/// <summary>
/// The demo exchange marketplace, once: the three demo tenants (a 3-way chain across two bailleurs: the first demo tenant's
/// T2 → the second's T3 → the third's T4 → back to the T2; the first also has a direct swap with a fictional member), about
/// twenty fictional members with published listings, one registration and one listing waiting for the first bailleur.
/// Fictional members have no password: nobody signs in as them.
/// </summary>
public sealed class DemoExchangeSeeder(CilPortalDbContext db, UserManager<ApplicationUser> users)
{
    public async Task SeedAsync(int seed, CancellationToken cancellationToken = default)
    {
        if (await db.ExchangeMembers.AnyAsync(cancellationToken))
        {
            return;
        }

        var bailleurs = await db.Bailleurs.OrderBy(b => b.Id).Select(b => b.Id).Take(2).ToListAsync(cancellationToken);
        var residences = await db.Residences.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken);
        if (bailleurs.Count < 2 || residences.Count == 0)
        {
            return;
        }

        // Three residences in three different communes, the first and third of bailleur 1, the second of bailleur 2.
        var r1 = residences.First(r => r.BailleurId == bailleurs[0]);
        var r2 = residences.FirstOrDefault(r => r.BailleurId == bailleurs[1] && r.CommuneInseeCode != r1.CommuneInseeCode) ?? residences.First(r => r.BailleurId == bailleurs[1]);
        var r3 = residences.FirstOrDefault(r => r.BailleurId == bailleurs[0] && r.CommuneInseeCode != r1.CommuneInseeCode && r.CommuneInseeCode != r2.CommuneInseeCode) ?? r1;
        var now = DateTime.UtcNow;
        var random = new Random(seed);
        var pseudonyms = new HashSet<string>(StringComparer.Ordinal);
        string Pseudonym()
        {
            string candidate;
            do
            {
                candidate = ExchangePseudonyms.Create(random);
            }
            while (!pseudonyms.Add(candidate));
            return candidate;
        }

        async Task<ExchangeMember?> MemberAsync(string email, Residence residence, string name, MemberStatus status = MemberStatus.Verified)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, IsDemoAccount = true };
                if (!(await users.CreateAsync(user)).Succeeded)
                {
                    return null;
                }

                await users.AddToRoleAsync(user, Roles.Tenant);
            }

            var member = new ExchangeMember
            {
                UserId = user.Id,
                BailleurId = residence.BailleurId,
                ResidenceId = residence.Id,
                TenantReference = $"LOC-{random.Next(100000, 999999)}",
                Pseudonym = Pseudonym(),
                ContactName = name,
                ContactPhone = $"06 {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}",
                Status = status,
                RegisteredAt = now.AddDays(-30),
                ReviewedAt = status == MemberStatus.Verified ? now.AddDays(-28) : null,
                AcceptsProposedChains = true,
            };
            db.ExchangeMembers.Add(member);
            return member;
        }

        ExchangeListing Listing(ExchangeMember member, Typology typology, decimal surface, decimal rent, string wantedCommune, TypologySet wanted, ListingStatus status = ListingStatus.Published, string description = "")
        {
            var listing = new ExchangeListing
            {
                Member = member,
                Typology = typology,
                Surface = surface,
                Rent = rent,
                Charges = Math.Round(rent * 0.18m),
                Floor = random.Next(0, 5),
                HasLift = random.Next(2) == 0,
                HasOutdoorSpace = random.Next(2) == 0,
                HasParking = random.Next(3) == 0,
                Heating = random.Next(2) == 0 ? HeatingKind.Individual : HeatingKind.Collective,
                Description = description,
                WantedCommunes = wantedCommune,
                WantedTypologies = wanted,
                Status = status,
                CreatedAt = now.AddDays(-27),
                UpdatedAt = now.AddDays(-27),
                PublishedAt = status == ListingStatus.Published ? now.AddDays(-26) : null,
            };
            db.ExchangeListings.Add(listing);
            return listing;
        }

        var a = await MemberAsync(DemoAccounts.Tenant, r1, "Camille Martin");
        var b = await MemberAsync(DemoAccounts.Tenant2, r2, "Karim Benali");
        var c = await MemberAsync(DemoAccounts.Tenant3, r3, "Sophie Garcia");
        if (a is null || b is null || c is null)
        {
            return;
        }

        Listing(a, Typology.T2, 48, 390, r2.CommuneInseeCode, TypologySet.T3, description: "Appartement lumineux au calme, proche des écoles et des commerces. Nous attendons un enfant et cherchons plus grand.");
        Listing(b, Typology.T3, 67, 480, r3.CommuneInseeCode, TypologySet.T4, description: "Trois pièces avec balcon, quartier vivant, arrêt de bus au pied de l'immeuble.");
        Listing(c, Typology.T4, 82, 560, r1.CommuneInseeCode, TypologySet.T2, description: "Grand quatre pièces ; les enfants sont partis, nous cherchons plus petit et moins cher.");

        // A fictional member of bailleur 2 in the second commune with a T3, who wants a T2 in the first commune: a direct swap with the first demo tenant.
        var swap = await MemberAsync($"membre-echange-1@{DemoAccounts.Domain}", r2, "Membre fictif 1");
        if (swap is not null)
        {
            Listing(swap, Typology.T3, 63, 455, r1.CommuneInseeCode, TypologySet.T2, description: "Trois pièces rénové, cuisine séparée.");
        }

        // Fictional members with published listings all over the territory.
        var typologies = Enum.GetValues<Typology>();
        for (var i = 2; i <= 20; i++)
        {
            var residence = residences[random.Next(residences.Count)];
            var member = await MemberAsync($"membre-echange-{i}@{DemoAccounts.Domain}", residence, $"Membre fictif {i}");
            if (member is null)
            {
                continue;
            }

            var typology = typologies[random.Next(0, 5)];
            var wantedCommune = residences[random.Next(residences.Count)].CommuneInseeCode;
            var wanted = (typology == Typology.T1 ? Typology.T2 : typologies[(int)typology - 2 + random.Next(0, 3) >= 6 ? 5 : (int)typology - 2 + random.Next(0, 3)]).ToSet();
            Listing(member, typology, 25 + (16 * (int)typology) + random.Next(0, 10), 220 + (75 * (int)typology) + random.Next(0, 60), random.Next(3) == 0 ? "" : wantedCommune, wanted);
        }

        // Waiting for the first bailleur: a registration to verify, and a listing to validate.
        await MemberAsync($"membre-echange-attente@{DemoAccounts.Domain}", r1, "Membre fictif en attente", MemberStatus.AwaitingVerification);
        var pending = await MemberAsync($"membre-echange-annonce@{DemoAccounts.Domain}", r3, "Membre fictif, annonce à valider");
        if (pending is not null)
        {
            Listing(pending, Typology.T3, 70, 470, "", TypologySet.T2 | TypologySet.T3, ListingStatus.AwaitingValidation, "Trois pièces au deuxième étage, cave.");
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
