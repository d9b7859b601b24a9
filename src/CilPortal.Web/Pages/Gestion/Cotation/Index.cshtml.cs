using CilPortal.Domain.Scoring;
using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Statistics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Cotation;

/// <summary>
/// Demands whose first wish is a typology in a commune, by score: an aid to designation for staff
/// (the decision stays with the réservataire and the CALEOL).
/// </summary>
public class IndexModel(CilPortalDbContext db, CommuneNames communeNames) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(int Rank, string Nur, int Score, DateOnly FiledOn, int HouseholdSize, bool IsPriorityPublic, bool IsDaloRecognised);

    [BindProperty(SupportsGet = true, Name = "typologie")]
    public Typology? Typology { get; set; }

    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    public IReadOnlyList<CommuneOption> Communes { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public bool Searched => Typology is not null && Commune is not null;

    /// <summary>Only reception desks and the EPCI open a demand's detail (its situations are sensitive).</summary>
    public bool CanOpenDemands => User.IsInRole(CilPortal.Infrastructure.Identity.Roles.ReceptionAgent) || User.IsInRole(CilPortal.Infrastructure.Identity.Roles.EpciAdministrator);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Communes = await communeNames.InFrenchOrderAsync(cancellationToken);
        if (Typology is { } typology && !Enum.IsDefined(typology))
        {
            ModelState.AddModelError("typologie", "Choisissez une typologie de la liste.");
        }

        if (Commune is not null && !Communes.Any(c => c.InseeCode == Commune))
        {
            ModelState.AddModelError("commune", "Choisissez une commune de la liste.");
        }

        if (!ModelState.IsValid || !Searched)
        {
            return Page();
        }

        var key = SimilarDemands.Key(Typology, Commune);
        var scores = db.DemandScores.AsNoTracking().Where(s => s.SimilarKey == key);
        Total = await scores.CountAsync(cancellationToken);
        Rows = [.. (await scores
            .OrderBy(s => s.Rank)
            .Take(PageSize)
            .Join(db.Demands, s => s.DemandId, d => d.Id, (s, d) => new { s.Rank, d.Nur, s.Total, d.FiledOn, Members = d.Members.Count, d.IsPriorityPublic, d.IsDaloRecognised })
            .ToListAsync(cancellationToken))
            .OrderBy(r => r.Rank)
            .Select(r => new Row(r.Rank ?? 0, r.Nur, r.Total, r.FiledOn, r.Members, r.IsPriorityPublic, r.IsDaloRecognised))];
        return Page();
    }
}
