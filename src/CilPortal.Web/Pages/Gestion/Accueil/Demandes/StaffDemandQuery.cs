using CilPortal.Domain.Demands;
using CilPortal.Domain.Scoring;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Reception;
using CilPortal.Infrastructure.Statistics;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Accueil.Demandes;

public sealed record InterviewLine(DateOnly HeldOn, string Place, string Reason, string Outcome, DateOnly? FollowUpOn, string? Notes, string RecordedBy);

/// <summary>What a reception desk sees of a demand.</summary>
public sealed record StaffDemandView(
    Demand Demand,
    IReadOnlyList<string> WishedCommunes,
    decimal MonthlyResources,
    DemandScore? Score,
    IReadOnlyList<InterviewLine> Interviews);

/// <summary>Loads a demand for the desk, by NUR; the page logs the read with its purpose.</summary>
public sealed class StaffDemandQuery(CilPortalDbContext db, CommuneNames communeNames)
{
    public async Task<StaffDemandView?> ByNurAsync(string nur, CancellationToken cancellationToken)
    {
        var normalised = Nur.Normalise(nur);
        var demand = await db.Demands.AsNoTracking()
            .Include(d => d.Members).Include(d => d.Resources).Include(d => d.WishedCommunes).Include(d => d.Events)
            .AsSplitQuery()
            .SingleOrDefaultAsync(d => d.Nur == normalised, cancellationToken);
        if (demand is null)
        {
            return null;
        }

        var names = await communeNames.AllAsync(cancellationToken);
        var places = await db.ReceptionPoints.ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var interviews = await db.Interviews.AsNoTracking().Where(i => i.DemandId == demand.Id).OrderByDescending(i => i.HeldOn).ThenByDescending(i => i.Id).ToListAsync(cancellationToken);
        return new StaffDemandView(
            demand,
            [.. demand.WishedCommunes.OrderBy(w => w.Rank).Select(w => names.GetValueOrDefault(w.CommuneInseeCode, w.CommuneInseeCode))],
            HouseholdResources.Monthly(demand.Resources),
            await db.DemandScores.AsNoTracking().SingleOrDefaultAsync(s => s.DemandId == demand.Id, cancellationToken),
            [.. interviews.Select(i => new InterviewLine(i.HeldOn, places.GetValueOrDefault(i.ReceptionPointId, ""), i.Reason.French(), i.Outcome, i.FollowUpOn, i.Notes, i.RecordedBy))]);
    }

    public static DemandAccessPurpose? ParsePurpose(string? motif) =>
        Enum.TryParse<DemandAccessPurpose>(motif, ignoreCase: true, out var purpose) && DemandAccessPurposeLabels.Desk.Contains(purpose) ? purpose : null;
}
