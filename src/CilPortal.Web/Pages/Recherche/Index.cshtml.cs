using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Statistics;
using CilPortal.Web.Content;
using CilPortal.Web.Pages.LieuxAccueil;
using CilPortal.Web.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Recherche;

/// <summary>Search across the information pages and the reception points.</summary>
public class IndexModel(ContentStore content, CilPortalDbContext db, CommuneNames communeNames) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];

    public bool Searched => !string.IsNullOrWhiteSpace(Query);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Searched)
        {
            return;
        }

        var places = await db.ReceptionPoints.AsNoTracking().Include(r => r.OpeningSlots).ToListAsync(cancellationToken);
        var communes = await communeNames.AllAsync(cancellationToken);
        var documents = content.All
            .Select(p => new SearchDocument("Information", p.Title, p.Description, p.PlainText, $"/informations/{p.Slug}"))
            .Concat(places.Select(p => new SearchDocument(
                "Lieu d'accueil",
                p.Name,
                $"{p.Address}, {p.PostalCode} {communes.GetValueOrDefault(p.CommuneInseeCode)}",
                string.Join(" ", [
                    "lieu d'accueil horaires ouverture",
                    .. ReceptionServiceLabels.Of(p.Services),
                    p.IsRegistrationDesk ? "guichet enregistreur enregistrer déposer demande" : "",
                    .. TimetableDay.Week(p.OpeningSlots).Where(d => !d.IsClosed).Select(d => d.Day),
                    p.Notes ?? ""]),
                $"/lieux-accueil/{p.Id}")))
            .Append(new SearchDocument(
                "Outil",
                "La cotation des demandes",
                "Les critères et les points de la grille de cotation en vigueur.",
                "cotation score points grille critères ancienneté refus priorité plafond rang classement",
                "/cotation"));
        Hits = TextSearch.Find(documents, Query);
    }
}
