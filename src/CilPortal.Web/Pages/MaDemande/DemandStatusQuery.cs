using System.Globalization;
using CilPortal.Domain.Allocations;
using CilPortal.Domain.Demands;
using CilPortal.Domain.Information;
using CilPortal.Domain.Scoring;
using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Scoring;
using CilPortal.Infrastructure.Statistics;
using CilPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CilPortal.Web.Pages.MaDemande;

public sealed record DemandEventLine(DateOnly On, string Text);

/// <summary>A dwelling as the applicant is told about it.</summary>
public sealed record DwellingDescription(string Residence, string Address, string Commune, string Typology, decimal Surface, decimal Rent, decimal Charges, int Floor, bool HasLift)
{
    public string Summary => string.Create(CultureInfo.GetCultureInfo("fr-FR"),
        $"{Typology} de {Surface:0.#} m², {(Floor == 0 ? "rez-de-chaussée" : $"{Floor}e étage")}{(HasLift ? " avec ascenseur" : Floor > 0 ? " sans ascenseur" : "")}, loyer {FrenchFormat.Euros(Rent)} + charges {FrenchFormat.Euros(Charges)} par mois");
}

/// <summary>One CALEOL decision on the demand, with its rank and reasons.</summary>
public sealed record DecisionLine(DateOnly On, string Decision, int? Rank, string? Reason, DwellingDescription Dwelling);

public sealed record PendingOffer(DateOnly OfferedOn, DateOnly AnswerBy, DwellingDescription? Dwelling);

/// <summary>The cotation of the demand as stored, with its place among similar demands.</summary>
public sealed record ScoreView(int Total, int GridVersion, DateOnly ComputedOn, IReadOnlyList<ScoreLine> Lines, int? Rank, int? SimilarCount, IReadOnlyList<HistogramBar> Histogram);

/// <summary>An interview at a reception desk as the applicant sees it: the outcome, never the desk's notes.</summary>
public sealed record InterviewOutcome(DateOnly HeldOn, string Place, string Reason, string Outcome, DateOnly? FollowUpOn);

public sealed record DemandSummary(
    string Nur,
    string StatusLabel,
    bool IsActive,
    DateOnly FiledOn,
    DateOnly ExpiresOn,
    bool RenewalDue,
    int HouseholdSize,
    IReadOnlyList<string> WishedCommunes,
    IReadOnlyList<string> WishedTypologies,
    bool IsPriorityPublic,
    bool IsDaloRecognised,
    IReadOnlyList<DemandEventLine> Events,
    IReadOnlyList<DecisionLine> Decisions,
    PendingOffer? Offer,
    string? SimilarScope,
    WaitStatistics? SimilarWait,
    ScoreView? Score,
    IReadOnlyList<InterviewOutcome> Interviews);

/// <summary>Reads one demand as its applicant sees it (shared by the account page and the lookup by code).</summary>
public sealed class DemandStatusQuery(CilPortalDbContext db, KeyFiguresService keyFigures, ParisClock clock, IMemoryCache cache)
{
    public async Task<DemandSummary?> ForAsync(int demandId, CancellationToken cancellationToken)
    {
        var demand = await db.Demands.AsNoTracking()
            .Include(d => d.Members)
            .Include(d => d.WishedCommunes)
            .Include(d => d.Events)
            .AsSplitQuery()
            .SingleOrDefaultAsync(d => d.Id == demandId, cancellationToken);
        if (demand is null)
        {
            return null;
        }

        var wished = demand.WishedCommunes.OrderBy(w => w.Rank).Select(w => w.CommuneInseeCode).ToList();
        var names = await db.Communes.ToDictionaryAsync(c => c.InseeCode, c => c.Name, cancellationToken);
        var today = clock.Today;
        var decisions = await DecisionsAsync(demandId, names, cancellationToken);
        var offerEvent = OfferRules.PendingOffer(demand.Events);
        var offer = offerEvent is null ? null : new PendingOffer(
            offerEvent.OccurredOn,
            OfferRules.AnswerDeadline(offerEvent.OccurredOn),
            decisions.Where(d => d.On <= offerEvent.OccurredOn).OrderByDescending(d => d.On).FirstOrDefault()?.Dwelling);

        // "Similar demands": same first-choice commune, smallest typology wished.
        var firstCommune = wished.FirstOrDefault();
        var firstTypology = demand.WishedTypologies.Members().Cast<Typology?>().FirstOrDefault();
        var similarWait = firstCommune is not null && firstTypology is { } t ? await keyFigures.SimilarWaitAsync(firstCommune, t, today, cancellationToken) : null;

        return new DemandSummary(
            demand.Nur,
            DemandLabels.Status(demand, today),
            demand.Status == DemandStatus.Active && !DemandLifecycle.IsLapsed(demand.ExpiresOn, today),
            demand.FiledOn,
            demand.ExpiresOn,
            demand.Status == DemandStatus.Active && DemandLifecycle.IsInRenewalWindow(demand.ExpiresOn, today),
            demand.Members.Count,
            [.. wished.Select(code => names.GetValueOrDefault(code, code))],
            [.. demand.WishedTypologies.Members().Select(x => x.ToString())],
            demand.IsPriorityPublic,
            demand.IsDaloRecognised,
            [.. demand.Events.OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id).Select(e => new DemandEventLine(e.OccurredOn, e.Detail ?? DemandLabels.Event(e.Kind)))],
            decisions,
            offer,
            firstCommune is not null && firstTypology is not null ? $"{firstTypology} à {names.GetValueOrDefault(firstCommune, firstCommune)}" : null,
            similarWait,
            demand.Status == DemandStatus.Active ? await ScoreAsync(demandId, cancellationToken) : null,
            await InterviewsAsync(demandId, cancellationToken));
    }

    public async Task<(string? Email, bool StatusNotices)?> NoticesAsync(int demandId, CancellationToken cancellationToken)
    {
        var notices = await db.Demands.AsNoTracking().Where(d => d.Id == demandId)
            .Select(d => new { Email = d.PortalEmail ?? d.ContactEmail, d.StatusNotices })
            .SingleOrDefaultAsync(cancellationToken);
        return notices is null ? null : (notices.Email, notices.StatusNotices);
    }

    private async Task<IReadOnlyList<InterviewOutcome>> InterviewsAsync(int demandId, CancellationToken cancellationToken)
    {
        var rows = await db.Interviews.AsNoTracking().Where(i => i.DemandId == demandId)
            .Join(db.ReceptionPoints, i => i.ReceptionPointId, r => r.Id, (i, r) => new { i.Id, i.HeldOn, Place = r.Name, i.Reason, i.Outcome, i.FollowUpOn })
            .OrderByDescending(x => x.HeldOn).ThenByDescending(x => x.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(x => new InterviewOutcome(x.HeldOn, x.Place, x.Reason.French(), x.Outcome, x.FollowUpOn))];
    }

    private async Task<ScoreView?> ScoreAsync(int demandId, CancellationToken cancellationToken)
    {
        var score = await db.DemandScores.AsNoTracking().SingleOrDefaultAsync(s => s.DemandId == demandId, cancellationToken);
        if (score is null)
        {
            return null;
        }

        IReadOnlyCollection<int> similar = score.SimilarKey is null ? [] : await SimilarScoresAsync(score.SimilarKey, cancellationToken);
        return new ScoreView(score.Total, score.GridVersion, score.ComputedOn, ScoringService.Deserialise(score.Breakdown), score.Rank, score.SimilarCount,
            similar.Count == 0 ? [] : ScoreHistogram.Build(similar, score.Total));
    }

    /// <summary>
    /// The scores of the similar demands (same typology and first commune), for the histogram: counted by score in SQL
    /// (a few hundred distinct totals) rather than read one by one — a group of a metropolis holds tens of thousands of
    /// demands — and kept a minute per group (a few hundred groups); the demand's own score and rank are read fresh.
    /// </summary>
    private async Task<IReadOnlyCollection<int>> SimilarScoresAsync(string similarKey, CancellationToken cancellationToken)
    {
        return (await cache.GetOrCreateAsync(("similar-scores", similarKey), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var counts = await db.DemandScores.AsNoTracking().Where(s => s.SimilarKey == similarKey)
                .GroupBy(s => s.Total).Select(g => new { Total = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            return (int[])[.. counts.SelectMany(c => Enumerable.Repeat(c.Total, c.Count))];
        }))!;
    }

    private async Task<IReadOnlyList<DecisionLine>> DecisionsAsync(int demandId, Dictionary<string, string> communes, CancellationToken cancellationToken)
    {
        var rows = await db.Allocations.AsNoTracking()
            .Where(a => a.DemandId == demandId)
            .Join(db.Dwellings.Include(d => d.Residence), a => a.Examination!.DwellingId, d => d.Id, (a, d) => new { a, d, a.Examination!.SessionDate })
            .OrderByDescending(x => x.SessionDate)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(x => new DecisionLine(
            x.SessionDate,
            DemandLabels.Decision(x.a.Decision, x.a.Rank),
            x.a.Rank,
            x.a.DecisionReason,
            new DwellingDescription(x.d.Residence!.Name, x.d.Residence.Address, communes.GetValueOrDefault(x.d.Residence.CommuneInseeCode, ""), x.d.Typology.ToString(),
                x.d.Surface, x.d.Rent, x.d.Charges, x.d.Floor, x.d.HasLift)))];
    }
}
