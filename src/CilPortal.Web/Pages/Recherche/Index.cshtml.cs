using CilPortal.Infrastructure.Data;
using CilPortal.Web.Content;
using CilPortal.Web.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Recherche;

/// <summary>Search across the information pages and the reception points.</summary>
public class IndexModel(ContentStore content, CilPortalDbContext db) : PageModel
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

        var places = await db.ReceptionPoints
            .Join(db.Communes, r => r.CommuneInseeCode, c => c.InseeCode, (r, c) => new { r.Id, r.Name, r.Address, r.PostalCode, Commune = c.Name, r.Notes })
            .ToListAsync(cancellationToken);
        var documents = content.All
            .Select(p => new SearchDocument("Information", p.Title, p.Description, p.PlainText, $"/informations/{p.Slug}"))
            .Concat(places.Select(p => new SearchDocument("Lieu d'accueil", p.Name, $"{p.Address}, {p.PostalCode} {p.Commune}", p.Notes ?? "", $"/lieux-accueil/{p.Id}")));
        Hits = TextSearch.Find(documents, Query);
    }
}
