using CilPortal.Domain.Demands;
using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Data;
using CilPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.MaDemande;

public sealed record DemandEventLine(DateOnly On, string Text);

public sealed record DemandSummary(
    string Nur,
    string StatusLabel,
    DateOnly FiledOn,
    DateOnly ExpiresOn,
    bool RenewalDue,
    int HouseholdSize,
    IReadOnlyList<string> WishedCommunes,
    IReadOnlyList<string> WishedTypologies,
    bool IsPriorityPublic,
    bool IsDaloRecognised,
    IReadOnlyList<DemandEventLine> Events);

/// <summary>Reads one demand as its applicant sees it (shared by the account page and the lookup by code).</summary>
public sealed class DemandStatusQuery(CilPortalDbContext db, ParisClock clock)
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
        var names = await db.Communes.Where(c => wished.Contains(c.InseeCode)).ToDictionaryAsync(c => c.InseeCode, c => c.Name, cancellationToken);
        var today = clock.Today;
        return new DemandSummary(
            demand.Nur,
            DemandLabels.Status(demand, today),
            demand.FiledOn,
            demand.ExpiresOn,
            demand.Status == DemandStatus.Active && DemandLifecycle.IsInRenewalWindow(demand.ExpiresOn, today),
            demand.Members.Count,
            [.. wished.Select(code => names.GetValueOrDefault(code, code))],
            [.. demand.WishedTypologies.Members().Select(t => t.ToString())],
            demand.IsPriorityPublic,
            demand.IsDaloRecognised,
            [.. demand.Events.OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id).Select(e => new DemandEventLine(e.OccurredOn, e.Detail ?? DemandLabels.Event(e.Kind)))]);
    }
}
