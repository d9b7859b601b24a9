using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Scoring;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Infrastructure.Demands;

/// <summary>
/// Registration of demands at the desk (« guichet enregistreur »), for a territory whose shared file is this portal.
/// Off by default: most territories register in the SNE and import its file.
/// </summary>
public sealed class DemandRegistrationOptions
{
    public const string Section = "DemandRegistration";

    /// <summary>Whether reception agents of registration desks may register demands here.</summary>
    public bool Enabled { get; set; }

    /// <summary>The three digits that begin the numbers this portal issues (the territory code of the registry).</summary>
    public string TerritoryCode { get; set; } = "111";
}

/// <summary>The outcome of a desk registration: the new demand, or why nothing was written.</summary>
public sealed record DeskRegistrationResult(Demand? Demand, IReadOnlyList<DemandRuleViolation> Violations, string? ExistingNur)
{
    public bool Succeeded => Demand is not null;
}

/// <summary>
/// Registers a demand typed at a desk: the registration rules of the SNE import (<see cref="DemandRegistrationRules"/>),
/// no second active demand for the same applicant, a new number in the registry's layout, the « registered » event and
/// the score, in one transaction.
/// </summary>
public sealed class DeskRegistration(CilPortalDbContext db, ScoringService scoring, DemandRegistrationOptions options)
{
    private const int NumberAttempts = 5;

    /// <summary>
    /// Registers <paramref name="demand"/> (household, resources, wishes, contact; no number) filed today at the
    /// reception point. Nothing is written when a rule is broken or the applicant already has an active demand.
    /// </summary>
    public async Task<DeskRegistrationResult> RegisterAsync(Demand demand, int receptionPointId, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(demand);
        var place = await db.ReceptionPoints.AsNoTracking().SingleAsync(r => r.Id == receptionPointId, cancellationToken);
        demand.Source = DemandSource.Desk;
        demand.Status = DemandStatus.Active;
        demand.FiledOn = today;
        demand.ExpiresOn = DemandLifecycle.ExpiryFrom(today);
        demand.ReceptionPointId = receptionPointId;
        demand.Nur = Nur.Issue(options.TerritoryCode, today, 1, receptionPointId);

        var violations = DemandRegistrationRules.Validate(demand, today);
        if (violations.Count > 0)
        {
            return new DeskRegistrationResult(null, violations, null);
        }

        if (await ActiveDemandOfAsync(demand, today, cancellationToken) is { } existing)
        {
            return new DeskRegistrationResult(null, [], existing);
        }

        demand.Events.Add(new DemandEvent { OccurredOn = today, Kind = DemandEventKind.Registered, Detail = $"Demande enregistrée au guichet : {place.Name}." });
        for (var attempt = 1; ; attempt++)
        {
            demand.Nur = await NextNumberAsync(today, receptionPointId, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Demands.Add(demand);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await scoring.RefreshDemandAsync(demand.Id, today, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new DeskRegistrationResult(demand, [], null);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                // Another desk took the same number at the same moment: take the next one.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                if (attempt == NumberAttempts)
                {
                    return new DeskRegistrationResult(null, [new DemandRuleViolation(DemandField.Nur, null, "aucun numéro libre n'a pu être attribué : réessayez dans un instant.")], null);
                }
            }
        }
    }

    /// <summary>The number of an active demand whose applicant has the same name and birth date, if any.</summary>
    private async Task<string?> ActiveDemandOfAsync(Demand demand, DateOnly today, CancellationToken cancellationToken)
    {
        var applicant = demand.Members.Single(m => m.Role == HouseholdRole.Applicant);
        var candidates = await db.Demands.AsNoTracking().ActiveOn(today)
            .Where(d => d.Members.Any(m => (m.Role == HouseholdRole.Applicant || m.Role == HouseholdRole.CoHolder) && m.BirthDate == applicant.BirthDate))
            .Select(d => new { d.Nur, Names = d.Members.Where(m => m.BirthDate == applicant.BirthDate).Select(m => new { m.LastName, m.FirstName }).ToList() })
            .ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(c => c.Names.Any(n => SameName(n.LastName, applicant.LastName) && SameName(n.FirstName, applicant.FirstName)))?.Nur;
    }

    private static bool SameName(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private async Task<string> NextNumberAsync(DateOnly today, int receptionPointId, CancellationToken cancellationToken)
    {
        var prefix = Nur.MonthPrefix(options.TerritoryCode, today);
        // Desk numbers of a month share their first 7 characters and a zero-padded sequence: the greatest sorts last.
        var desk = prefix.Length + 6;
        var last = await db.Demands.AsNoTracking()
            .Where(d => d.Nur.StartsWith(prefix) && d.Nur.Substring(desk, 1) == Nur.DeskLetter.ToString())
            .OrderByDescending(d => d.Nur.Substring(prefix.Length, 6)).Select(d => d.Nur).FirstOrDefaultAsync(cancellationToken);
        var sequence = last is null ? 0 : Nur.DeskSequence(last) ?? 0;
        return Nur.Issue(options.TerritoryCode, today, sequence + 1, receptionPointId);
    }
}
