using CilPortal.Domain.Allocations;
using CilPortal.Domain.Demands;
using CilPortal.Domain.Partners;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Demands;
using CilPortal.Infrastructure.Scoring;
using CilPortal.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Infrastructure.Allocations;

/// <summary>An examination as entered: the dwelling, the session, the réservataire and each candidate's decision.</summary>
public sealed record ExaminationDraft(int DwellingId, DateOnly SessionDate, int ReservataireId, string? FewerCandidatesReason, IReadOnlyList<CandidateDecision> Candidates);

/// <summary>The outcome of a CALEOL entry: the id written, or the French reasons it was refused (nothing written then).</summary>
public sealed record CaleolResult(int? Id, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static CaleolResult Refused(params string[] errors) => new(null, errors);
}

/// <summary>
/// Records what a bailleur's CALEOL decided and what followed — candidates and decisions, the applicant's
/// answer, the lease — always within the agent's bailleur, with the demand's events (and notices) and the
/// CIA classification written in the same save.
/// </summary>
public sealed class CaleolService(CilPortalDbContext db, DemandEventRecorder recorder, CiaClassificationService classification, ScoringService scoring, ParisClock clock)
{
    /// <summary>How far back a session can be entered.</summary>
    public const int MaxYearsBack = 5;

    public async Task<CaleolResult> CreateExaminationAsync(int bailleurId, ExaminationDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<string>();
        var today = clock.Today;
        var dwellingOwned = await db.Dwellings.AnyAsync(d => d.Id == draft.DwellingId && d.Residence!.BailleurId == bailleurId, cancellationToken);
        if (!dwellingOwned)
        {
            errors.Add("Choisissez un logement de votre patrimoine.");
        }

        errors.AddRange(await ReservataireErrorsAsync(bailleurId, draft.ReservataireId, cancellationToken));
        if (draft.SessionDate > today || draft.SessionDate < today.AddYears(-MaxYearsBack))
        {
            errors.Add($"La date de la commission se situe entre il y a {MaxYearsBack} ans et aujourd'hui.");
        }

        var candidates = draft.Candidates.Select(c => c with { Nur = Nur.Normalise(c.Nur) }).ToList();
        errors.AddRange(CaleolRules.ValidateCandidates([.. candidates.Select(c => c.Nur)], draft.FewerCandidatesReason));
        errors.AddRange(CaleolRules.ValidateDecisions(candidates));
        var nurs = candidates.Select(c => c.Nur).ToList();
        var demands = await db.Demands.Include(d => d.Events).Where(d => nurs.Contains(d.Nur)).ToDictionaryAsync(d => d.Nur, StringComparer.OrdinalIgnoreCase, cancellationToken);
        foreach (var candidate in candidates)
        {
            if (!Nur.IsWellFormed(candidate.Nur))
            {
                errors.Add($"« {candidate.Nur} » n'est pas un numéro unique : 18 caractères.");
            }
            else if (!demands.TryGetValue(candidate.Nur, out var demand))
            {
                errors.Add($"Aucune demande de numéro {candidate.Nur} n'est connue du portail.");
            }
            else if (demand.Status == DemandStatus.StruckOff && demand.StruckOffOn <= draft.SessionDate)
            {
                errors.Add($"La demande {candidate.Nur} était radiée à la date de la commission.");
            }
        }

        if (dwellingOwned && await db.CaleolExaminations.AnyAsync(e => e.DwellingId == draft.DwellingId && e.SessionDate == draft.SessionDate, cancellationToken))
        {
            errors.Add("Un examen de ce logement à cette date est déjà enregistré : complétez-le plutôt.");
        }

        if (errors.Count > 0)
        {
            return new CaleolResult(null, [.. errors.Distinct()]);
        }

        // Inside an import's transaction, the import commits; alone, the examination and its events commit together.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var examination = new CaleolExamination
        {
            BailleurId = bailleurId,
            DwellingId = draft.DwellingId,
            ReservataireId = draft.ReservataireId,
            SessionDate = draft.SessionDate,
            FewerCandidatesReason = CaleolRules.HasFewerCandidates(candidates.Count) ? draft.FewerCandidatesReason?.Trim() : null,
        };
        foreach (var candidate in candidates)
        {
            examination.Candidates.Add(new Allocation
            {
                DemandId = demands[candidate.Nur].Id,
                Decision = candidate.Decision,
                Rank = candidate.Rank,
                DecisionReason = string.IsNullOrWhiteSpace(candidate.Reason) ? null : candidate.Reason.Trim(),
            });
        }

        db.CaleolExaminations.Add(examination);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The same examination sent twice at once (a double click): the first one is kept.
            db.Entry(examination).State = EntityState.Detached;
            examination.Candidates.ForEach(c => db.Entry(c).State = EntityState.Detached);
            return CaleolResult.Refused("Un examen de ce logement à cette date est déjà enregistré : complétez-le plutôt.");
        }

        foreach (var allocation in examination.Candidates)
        {
            var demand = demands.Values.Single(d => d.Id == allocation.DemandId);
            recorder.Record(demand, new DemandEvent
            {
                OccurredOn = draft.SessionDate,
                Kind = DemandEventKind.CaleolDecision,
                AllocationId = allocation.Id,
                Detail = DecisionText(allocation),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return new CaleolResult(examination.Id, []);
    }

    /// <summary>The applicant's answer to the offer after an attribution.</summary>
    public async Task<CaleolResult> RecordAnswerAsync(int bailleurId, int allocationId, OfferAnswer answer, DateOnly? answeredOn, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(bailleurId, allocationId, cancellationToken);
        if (found is not var (allocation, examination))
        {
            return CaleolResult.Refused("Ce candidat n'existe pas dans vos commissions.");
        }

        if (allocation.LeaseSignedOn is not null)
        {
            return CaleolResult.Refused("Le bail est signé : la réponse ne se modifie plus.");
        }

        if (!Enum.IsDefined(answer) || answer == OfferAnswer.Pending)
        {
            return CaleolResult.Refused("Choisissez la réponse du demandeur.");
        }

        var rankedAboveStillIn = allocation.Rank is { } rank && await db.Allocations.AnyAsync(a => a.ExaminationId == examination.Id && a.Id != allocation.Id
            && a.Rank < rank && a.Answer != OfferAnswer.Refused && a.Answer != OfferAnswer.NoAnswer, cancellationToken);
        if (CaleolRules.ValidateAnswer(allocation.Decision, answer, answeredOn, examination.SessionDate, clock.Today, rankedAboveStillIn) is { } error)
        {
            return CaleolResult.Refused(error);
        }

        allocation.Answer = answer;
        allocation.AnsweredOn = answeredOn;
        var demand = await db.Demands.Include(d => d.Events).SingleAsync(d => d.Id == allocation.DemandId, cancellationToken);
        recorder.Record(demand, new DemandEvent
        {
            OccurredOn = answeredOn!.Value,
            Kind = answer == OfferAnswer.Accepted ? DemandEventKind.OfferAccepted : DemandEventKind.OfferRefused,
            AllocationId = allocation.Id,
            Detail = answer switch
            {
                OfferAnswer.Accepted => "Proposition de logement acceptée.",
                OfferAnswer.Refused => "Proposition de logement refusée : votre demande reste active.",
                _ => "Pas de réponse dans le délai donné : la proposition est considérée comme refusée ; votre demande reste active.",
            },
        });
        await db.SaveChangesAsync(cancellationToken);
        await RefreshScoreAsync(demand.Id, cancellationToken);
        return new CaleolResult(allocation.Id, []);
    }

    /// <summary>The lease signed after an accepted attribution: the demand is satisfied, the dwelling let, the allocation classified.</summary>
    public async Task<CaleolResult> RecordLeaseAsync(int bailleurId, int allocationId, DateOnly signedOn, bool urbanRenewalRehousing, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(bailleurId, allocationId, cancellationToken);
        if (found is not var (allocation, examination))
        {
            return CaleolResult.Refused("Ce candidat n'existe pas dans vos commissions.");
        }

        if (allocation.LeaseSignedOn is not null)
        {
            return CaleolResult.Refused("Le bail de ce candidat est déjà enregistré.");
        }

        var anotherLease = await db.Allocations.AnyAsync(a => a.Examination!.DwellingId == examination.DwellingId && a.Id != allocation.Id && a.LeaseSignedOn != null && a.Examination.SessionDate >= examination.SessionDate, cancellationToken);
        var alreadyHoused = await db.Allocations.AnyAsync(a => a.DemandId == allocation.DemandId && a.Id != allocation.Id && a.LeaseSignedOn != null, cancellationToken);
        if (CaleolRules.ValidateLease(allocation, signedOn, examination.SessionDate, clock.Today, anotherLease, alreadyHoused) is { } error)
        {
            return CaleolResult.Refused(error);
        }

        allocation.LeaseSignedOn = signedOn;
        allocation.IsUrbanRenewalRehousing = urbanRenewalRehousing;
        await classification.ClassifyAsync([allocation], cancellationToken);
        var dwelling = await db.Dwellings.SingleAsync(d => d.Id == examination.DwellingId, cancellationToken);
        dwelling.VacantSince = null;
        var demand = await db.Demands.Include(d => d.Events).SingleAsync(d => d.Id == allocation.DemandId, cancellationToken);
        recorder.Record(demand, new DemandEvent
        {
            OccurredOn = signedOn,
            Kind = DemandEventKind.LeaseSigned,
            AllocationId = allocation.Id,
            Detail = "Bail signé : votre demande est satisfaite et radiée (attribution suivie de la signature d'un bail).",
        });
        await db.SaveChangesAsync(cancellationToken);
        await RefreshScoreAsync(demand.Id, cancellationToken);
        return new CaleolResult(allocation.Id, []);
    }

    /// <summary>The réservataires a bailleur may count a vacancy in: all but the other bailleurs' own flows.</summary>
    public IQueryable<Reservataire> ReservatairesFor(int bailleurId) =>
        db.Reservataires.Where(r => r.Kind != ReservataireKind.Bailleur || r.BailleurId == bailleurId);

    public static string DecisionText(Allocation allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        var text = allocation.Decision switch
        {
            CaleolDecision.Attribution when allocation.Rank is null or 1 => "La commission d'attribution vous attribue le logement (rang 1).",
            CaleolDecision.Attribution => $"La commission d'attribution vous attribue le logement au rang {allocation.Rank} : il vous revient si les candidats classés avant vous le refusent.",
            CaleolDecision.ConditionalAttribution => "La commission d'attribution vous attribue le logement sous condition suspensive.",
            CaleolDecision.NonAttribution => "La commission d'attribution ne vous attribue pas le logement.",
            _ => "La commission d'attribution a déclaré votre demande irrecevable.",
        };
        return allocation.DecisionReason is { } reason ? $"{text} Motifs : {reason}" : text;
    }

    /// <summary>Re-scores the demand, unless an import's transaction is open (the import recomputes all scores once).</summary>
    private async Task RefreshScoreAsync(int demandId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            await scoring.RefreshDemandAsync(demandId, clock.Today, cancellationToken);
        }
    }

    private async Task<IEnumerable<string>> ReservataireErrorsAsync(int bailleurId, int reservataireId, CancellationToken cancellationToken) =>
        await ReservatairesFor(bailleurId).AnyAsync(r => r.Id == reservataireId, cancellationToken)
            ? []
            : ["Choisissez le réservataire du contingent."];

    private async Task<(Allocation Allocation, CaleolExamination Examination)?> FindAsync(int bailleurId, int allocationId, CancellationToken cancellationToken)
    {
        var allocation = await db.Allocations.SingleOrDefaultAsync(a => a.Id == allocationId, cancellationToken);
        if (allocation is null)
        {
            return null;
        }

        var examination = await db.CaleolExaminations.AsNoTracking().SingleOrDefaultAsync(e => e.Id == allocation.ExaminationId && e.BailleurId == bailleurId, cancellationToken);
        return examination is null ? null : (allocation, examination);
    }
}
