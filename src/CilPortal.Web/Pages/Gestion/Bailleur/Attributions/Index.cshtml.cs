using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Time;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Bailleur.Attributions;

public sealed record ExaminationLine(int Id, DateOnly SessionDate, string Dwelling, string Residence, string Commune, string Reservataire, int Candidates, bool FewerWithReason, DateOnly? LeaseSignedOn);

/// <summary>
/// The agent's CALEOL examinations of a year, newest first, <see cref="PageSize"/> a page (a large bailleur examines
/// thousands a year: one page of them all was 1.5 MB of HTML, issue #11).
/// </summary>
public class IndexModel(CilPortalDbContext db, ParisClock clock) : BailleurPageModel
{
    public const int PageSize = 100;

    public int Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>The examinations of the shown page.</summary>
    public IReadOnlyList<ExaminationLine> Examinations { get; private set; } = [];

    public Pagination Pages { get; private set; } = null!;

    public IReadOnlyList<(int Id, string Label)> VacantDwellings { get; private set; } = [];

    // The page number from the query string only: Razor Pages keeps the page's own path in the route value « page ».
    public async Task OnGetAsync(int? annee, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        Years = ReportingYears.Recent(today);
        Year = annee is { } year && Years.Contains(year) ? year : today.Year;
        var start = new DateOnly(Year, 1, 1);
        var end = new DateOnly(Year, 12, 31);
        var ofYear = db.CaleolExaminations.AsNoTracking()
            .Where(e => e.BailleurId == BailleurId && e.SessionDate >= start && e.SessionDate <= end);
        Pages = Pagination.Of(pageNumber, await ofYear.CountAsync(cancellationToken), PageSize, PageLink);
        var rows = await ofYear
            .OrderByDescending(e => e.SessionDate).ThenByDescending(e => e.Id)
            .Skip(Pages.Skipped).Take(PageSize)
            .Join(db.Dwellings, e => e.DwellingId, d => d.Id, (e, d) => new { e, d })
            .Join(db.Communes, x => x.d.Residence!.CommuneInseeCode, c => c.InseeCode, (x, c) => new { x.e, x.d, Commune = c.Name })
            .Join(db.Reservataires, x => x.e.ReservataireId, r => r.Id, (x, r) => new
            {
                x.e.Id, x.e.SessionDate, x.d.Reference, Residence = x.d.Residence!.Name, x.Commune, Reservataire = r.Name,
                Candidates = x.e.Candidates.Count, x.e.FewerCandidatesReason,
                Lease = x.e.Candidates.Where(a => a.LeaseSignedOn != null).Select(a => a.LeaseSignedOn).FirstOrDefault(),
            })
            .OrderByDescending(x => x.SessionDate).ThenByDescending(x => x.Id)
            .ToListAsync(cancellationToken);
        Examinations = [.. rows.Select(r => new ExaminationLine(r.Id, r.SessionDate, r.Reference, r.Residence, r.Commune, r.Reservataire, r.Candidates,
            r.FewerCandidatesReason is not null, r.Lease))];
        VacantDwellings = [.. (await db.Dwellings.AsNoTracking().Where(d => d.Residence!.BailleurId == BailleurId && d.VacantSince != null)
            .OrderBy(d => d.VacantSince).Select(d => new { d.Id, d.Reference, d.Typology, Residence = d.Residence!.Name }).Take(50).ToListAsync(cancellationToken))
            .Select(d => (d.Id, $"{d.Reference} — {d.Typology}, {d.Residence}"))];
    }

    private string PageLink(int page) => FormattableString.Invariant($"/gestion/bailleur/attributions?annee={Year}&page={page}");
}
