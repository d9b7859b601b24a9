using CilPortal.Domain.Allocations;
using CilPortal.Domain.Commission;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Access;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CilPortal.Infrastructure.Seeding;

/// <summary>Saves the fictional demo territory and the demo accounts, once.</summary>
public sealed class DemoDataSeeder(CilPortalDbContext db, UserManager<ApplicationUser> users, AccessCodeHasher accessCodes, ILogger<DemoDataSeeder> logger)
{
    public async Task SeedAsync(DemoOptions options, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!await db.Bailleurs.AnyAsync(cancellationToken))
        {
            await SeedTerritoryAsync(options.RandomSeed, today, DemoTerritorySize.Of(options.Size), cancellationToken);
        }

        if (!await db.AppointmentSchedules.AnyAsync(cancellationToken))
        {
            // Every demo reception point receives by appointment on Tuesday mornings and Thursday afternoons.
            var places = await db.ReceptionPoints.Select(r => r.Id).ToListAsync(cancellationToken);
            foreach (var place in places)
            {
                db.AppointmentSchedules.Add(new CilPortal.Domain.Appointments.AppointmentSchedule { ReceptionPointId = place, Day = DayOfWeek.Tuesday, Start = new TimeOnly(9, 0), End = new TimeOnly(12, 0), SlotMinutes = 30, Capacity = 2 });
                db.AppointmentSchedules.Add(new CilPortal.Domain.Appointments.AppointmentSchedule { ReceptionPointId = place, Day = DayOfWeek.Thursday, Start = new TimeOnly(14, 0), End = new TimeOnly(17, 0), SlotMinutes = 30, Capacity = 1 });
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(options.AccountPassword))
        {
            logger.LogWarning("Demo:AccountPassword n'est pas renseigné : aucun compte de démonstration n'est créé.");
        }
        else
        {
            await SeedAccountsAsync(options.AccountPassword);
        }

        await SeedCommissionAsync(today, cancellationToken);
        await new DemoExchangeSeeder(db, users).SeedAsync(options.RandomSeed, cancellationToken);
        await new ManyExchangeListingsSeeder(db).SeedAsync(DemoTerritorySize.Of(options.Size).ExchangeListings, options.RandomSeed, cancellationToken);
    }

    /// <summary>Three fictional cases of the coordination commission, once; the demo reception agent is invited to the first.</summary>
    private async Task SeedCommissionAsync(DateOnly today, CancellationToken cancellationToken)
    {
        if (await db.CoordinationCases.AnyAsync(cancellationToken))
        {
            return;
        }

        var active = db.Demands.Where(d => d.Status == DemandStatus.Active && d.IsFictional).OrderBy(d => d.Id);
        var blocked = await active.Where(d => d.FiledOn < today.AddYears(-2)).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken)
            ?? await active.Skip(10).Select(d => d.Id).FirstAsync(cancellationToken);
        var particular = await active.Where(d => d.Id != blocked).Skip(20).Select(d => d.Id).FirstAsync(cancellationToken);
        var dalo = await active.Where(d => d.IsDaloRecognised && d.Id != blocked && d.Id != particular).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken)
            ?? await active.Where(d => d.Id != blocked && d.Id != particular).Skip(30).Select(d => d.Id).FirstAsync(cancellationToken);

        var first = new CoordinationCase
        {
            DemandId = blocked,
            Reason = CaseReason.BlockedCase,
            ReferringBody = "CCAS de la commune (fictif)",
            OpenedOn = today.AddDays(-60),
            OpenedBy = DemoAccounts.EpciAdministrator,
            Status = CaseStatus.InProgress,
        };
        first.Documents.Add(new CaseDocument { Label = "Avis d'imposition", ReceivedOn = today.AddDays(-55) });
        first.Documents.Add(new CaseDocument { Label = "Rapport social" });
        first.Actions.Add(new CaseAction { Description = "Rechercher un T3 en rez-de-chaussée dans le contingent de l'intercommunalité.", OwnerName = "Service habitat de l'intercommunalité", DueOn = today.AddDays(-10) });
        first.Actions.Add(new CaseAction { Description = "Recevoir le ménage pour mettre à jour la demande.", OwnerName = "Agent d'accueil de démonstration", DueOn = today.AddDays(20) });
        var second = new CoordinationCase
        {
            DemandId = particular,
            Reason = CaseReason.ParticularExamination,
            ReferringBody = "Service social du Département (fictif)",
            OpenedOn = today.AddDays(-20),
            OpenedBy = DemoAccounts.EpciAdministrator,
        };
        second.Documents.Add(new CaseDocument { Label = "Justificatif de la situation de logement" });
        var third = new CoordinationCase
        {
            DemandId = dalo,
            Reason = CaseReason.DaloFollowUp,
            ReferringBody = "Commission de médiation DALO (fictif)",
            OpenedOn = today.AddDays(-120),
            OpenedBy = DemoAccounts.EpciAdministrator,
            Status = CaseStatus.Closed,
            ClosedOn = today.AddDays(-15),
            ClosingNote = "Ménage relogé après une proposition acceptée : fin du suivi.",
        };
        db.CoordinationCases.AddRange(first, second, third);
        var session = new CommissionSession
        {
            HeldOn = today.AddDays(-45),
            Attendees = ["Service habitat de l'intercommunalité", "Bailleur 1 (fictif)", "CCAS (fictif)"],
            RecordedBy = DemoAccounts.EpciAdministrator,
        };
        await db.SaveChangesAsync(cancellationToken);
        session.Decisions.Add(new CaseDecision { CaseId = first.Id, Text = "Rechercher un logement adapté dans le contingent de l'intercommunalité ; point à la prochaine séance." });
        session.Decisions.Add(new CaseDecision { CaseId = third.Id, Text = "Proposition du bailleur 1 à présenter en CALEOL." });
        db.CommissionSessions.Add(session);
        if (await users.FindByEmailAsync(DemoAccounts.ReceptionAgent) is { } agent)
        {
            db.Add(new CilPortal.Infrastructure.Commission.CaseInvitation { CaseId = first.Id, UserId = agent.Id, InvitedAt = new DateTimeOffset(first.OpenedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), InvitedBy = DemoAccounts.EpciAdministrator });
            first.Actions[1].OwnerUserId = agent.Id;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedTerritoryAsync(int seed, DateOnly today, DemoTerritorySize size, CancellationToken cancellationToken)
    {
        var communes = await db.Communes.AsNoTracking().ToListAsync(cancellationToken);
        var qpvs = await db.Qpvs.AsNoTracking().OrderBy(q => q.Code).ToListAsync(cancellationToken);
        var qpvCommunes = qpvs.Select(q => q.CommuneInseeCode).ToHashSet();

        // The ville-centre first (the commune with QPV), so that the generator weights it most.
        var ordered = communes.OrderByDescending(c => qpvCommunes.Contains(c.InseeCode)).ThenBy(c => c.InseeCode, StringComparer.Ordinal).ToList();
        var territory = new DemoTerritoryGenerator(seed, today, size).Generate(ordered, qpvs);

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Bailleurs.AddRange(territory.Bailleurs);
        db.ReceptionPoints.AddRange(territory.ReceptionPoints);
        db.Sectors.AddRange(territory.Sectors);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (reservataire, bailleur) in territory.OwnFlowOf)
        {
            reservataire.BailleurId = bailleur.Id;
        }

        db.Reservataires.AddRange(territory.Reservataires);
        foreach (var (residence, bailleur) in territory.ResidenceOwners)
        {
            residence.BailleurId = bailleur.Id;
        }

        db.Residences.AddRange(territory.Residences);
        db.Demands.AddRange(territory.Demands);
        await db.SaveChangesAsync(cancellationToken);

        // One examination per dwelling and session, with its candidates; fewer than 3 candidates come with their reason.
        var bailleurOfDwelling = territory.ResidenceOwners.SelectMany(o => o.Key.Dwellings.Select(d => (d, o.Value.Id))).ToDictionary(x => x.d, x => x.Id);
        foreach (var session in territory.Allocations.GroupBy(p => (p.Dwelling, p.Session)))
        {
            var head = session.First();
            var examination = new CaleolExamination
            {
                BailleurId = bailleurOfDwelling[head.Dwelling],
                DwellingId = head.Dwelling.Id,
                ReservataireId = head.Reservataire.Id,
                SessionDate = head.Session,
                FewerCandidatesReason = CaleolRules.HasFewerCandidates(session.Count()) ? "Insuffisance de candidats pour cette typologie dans ce secteur." : null,
            };
            foreach (var planned in session)
            {
                planned.Allocation.DemandId = planned.Demand.Id;
                examination.Candidates.Add(planned.Allocation);
            }

            db.CaleolExaminations.Add(examination);
        }

        // Some dwellings to let now, for the examination form.
        var allocated = territory.Allocations.Select(p => p.Dwelling).ToHashSet();
        foreach (var dwelling in territory.Residences.SelectMany(r => r.Dwellings).Where(d => !allocated.Contains(d)).Where((_, i) => i % 40 == 7))
        {
            dwelling.VacantSince = today.AddDays(-(dwelling.Id % 60) - 5);
            db.Entry(dwelling).Property(d => d.VacantSince).IsModified = true;
        }

        // The CIA settings of the last years, with a fictional threshold (a real EPCI enters its arrêté's value).
        for (var year = today.Year - 3; year <= today.Year; year++)
        {
            if (!await db.CiaYears.AnyAsync(y => y.Year == year, cancellationToken))
            {
                db.CiaYears.Add(new CiaYearSettings { Year = year, FirstQuartileThreshold = 7_700m + (150m * (year - today.Year + 3)), ThresholdSource = "Valeur fictive de démonstration" });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        db.ChangeTracker.Clear();
        logger.LogInformation("Territoire de démonstration créé : {Residences} résidences, {Demands} demandes, {Allocations} examens en CALEOL.",
            territory.Residences.Count, territory.Demands.Count, territory.Allocations.Count);
    }

    private async Task SeedAccountsAsync(string password)
    {
        var bailleurs = await db.Bailleurs.OrderBy(b => b.Id).Select(b => new { b.Id, b.Name }).Take(2).ToListAsync();
        var applicantDemand = await db.Demands
            .Where(d => d.Status == DemandStatus.Active && d.IsFictional)
            .OrderBy(d => d.Id)
            .FirstAsync();

        await EnsureAsync(DemoAccounts.Applicant, "Demandeur de démonstration", Roles.Applicant, password, u => u.LinkedDemandId = applicantDemand.Id);
        // Hashed again when made under a key no longer known (Development's key lasts one run), or with PBKDF2 before the
        // key; a code issued since at a desk is kept.
        if (applicantDemand.AccessCodeHash is not { } hash
            || accessCodes.IsUnderAnotherKey(hash)
            || accessCodes.VerifyHashedPassword(applicantDemand, hash, AccessCode.Normalise(DemoAccounts.ApplicantAccessCode)) == PasswordVerificationResult.SuccessRehashNeeded)
        {
            applicantDemand.AccessCodeHash = accessCodes.HashPassword(applicantDemand, AccessCode.Normalise(DemoAccounts.ApplicantAccessCode));
            applicantDemand.AccessCodeIssuedOn = applicantDemand.FiledOn;
            await db.SaveChangesAsync();
        }

        await EnsureAsync(DemoAccounts.Tenant, "Locataire de démonstration", Roles.Tenant, password);
        await EnsureAsync(DemoAccounts.Tenant2, "Deuxième locataire de démonstration", Roles.Tenant, password);
        await EnsureAsync(DemoAccounts.Tenant3, "Troisième locataire de démonstration", Roles.Tenant, password);
        await EnsureAsync(DemoAccounts.ReceptionAgent, "Agent d'accueil de démonstration", Roles.ReceptionAgent, password);
        var agent = await users.FindByEmailAsync(DemoAccounts.ReceptionAgent);
        if (agent is not null && !await db.ReceptionAgentAssignments.AnyAsync(a => a.UserId == agent.Id))
        {
            // The demo agent works at the first two reception points.
            var places = await db.ReceptionPoints.OrderBy(r => r.Id).Select(r => r.Id).Take(2).ToListAsync();
            db.ReceptionAgentAssignments.AddRange(places.Select(id => new CilPortal.Infrastructure.Reception.ReceptionAgentAssignment { UserId = agent.Id, ReceptionPointId = id }));
            await db.SaveChangesAsync();
        }

        await EnsureAsync(DemoAccounts.BailleurAgent1, $"Agent de démonstration — {bailleurs[0].Name}", Roles.BailleurAgent, password, u => u.BailleurId = bailleurs[0].Id);
        await EnsureAsync(DemoAccounts.BailleurAgent2, $"Agent de démonstration — {bailleurs[1].Name}", Roles.BailleurAgent, password, u => u.BailleurId = bailleurs[1].Id);
        await EnsureAsync(DemoAccounts.EpciAdministrator, "Administrateur de démonstration", Roles.EpciAdministrator, password);
    }

    private async Task EnsureAsync(string email, string displayName, string role, string password, Action<ApplicationUser>? configure = null)
    {
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            await EnsureStaffTwoFactorAsync(existing, role);
            return;
        }

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            IsDemoAccount = true,
        };
        configure?.Invoke(user);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Compte de démonstration {email} non créé : {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(user, role);
        await EnsureStaffTwoFactorAsync(user, role);
    }

    /// <summary>
    /// Staff accounts must have two-factor authentication: demo staff get an authenticator key, and in demo mode the
    /// sign-in page shows them the current code instead of asking for an app.
    /// </summary>
    private async Task EnsureStaffTwoFactorAsync(ApplicationUser user, string role)
    {
        if (!Roles.Staff.Contains(role) || user.TwoFactorEnabled)
        {
            return;
        }

        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
    }
}
