using CilPortal.Domain.Commission;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Commission;

/// <summary>A case as the list shows it: the demand's NUR and the applicant's name only.</summary>
public sealed record CaseRow(int Id, string Nur, string Applicant, CaseReason Reason, string ReferringBody, DateOnly OpenedOn, CaseStatus Status, int OpenActions, int OverdueActions, DateOnly? NextDueOn);

public static class CaseQueries
{
    /// <summary>The applicant's name of a demand, for the commission (nothing else of the household).</summary>
    public static IQueryable<string> ApplicantName(CilPortalDbContext db, int demandId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.HouseholdMembers.Where(m => m.DemandId == demandId && m.Role == HouseholdRole.Applicant).Select(m => m.FirstName + " " + m.LastName);
    }

    public static async Task<IReadOnlyList<CaseRow>> RowsAsync(CilPortalDbContext db, IQueryable<CoordinationCase> cases, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await cases.AsNoTracking()
            .Select(c => new
            {
                c.Id,
                Nur = db.Demands.Where(d => d.Id == c.DemandId).Select(d => d.Nur).First(),
                Applicant = db.HouseholdMembers.Where(m => m.DemandId == c.DemandId && m.Role == HouseholdRole.Applicant).Select(m => m.FirstName + " " + m.LastName).FirstOrDefault(),
                c.Reason,
                c.ReferringBody,
                c.OpenedOn,
                c.Status,
                OpenActions = c.Actions.Count(a => a.DoneOn == null),
                OverdueActions = c.Actions.Count(a => a.DoneOn == null && a.DueOn < today),
                NextDueOn = c.Actions.Where(a => a.DoneOn == null).Min(a => (DateOnly?)a.DueOn),
            })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new CaseRow(r.Id, r.Nur, r.Applicant ?? "", r.Reason, r.ReferringBody, r.OpenedOn, r.Status, r.OpenActions, r.Status == CaseStatus.Closed ? 0 : r.OverdueActions, r.NextDueOn))
            .OrderBy(r => r.Status == CaseStatus.Closed)
            .ThenByDescending(r => r.OverdueActions > 0)
            .ThenByDescending(r => r.OpenedOn)
            .ThenByDescending(r => r.Id)];
    }
}
