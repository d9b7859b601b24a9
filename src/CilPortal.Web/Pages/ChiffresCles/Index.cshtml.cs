using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Statistics;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.ChiffresCles;

public class IndexModel(CilPortalDbContext db, KeyFiguresService keyFigures, CommuneNames communeNames, ParisClock clock) : PageModel
{
    public KeyFiguresView View { get; private set; } = null!;

    public IReadOnlyList<CommuneOption> Communes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? commune, CancellationToken cancellationToken)
    {
        Communes = await communeNames.InFrenchOrderAsync(cancellationToken);
        if (!string.IsNullOrEmpty(commune) && Communes.Any(c => c.InseeCode == commune))
        {
            return Redirect($"/chiffres-cles/{commune}");
        }

        var epciName = await db.Epcis.Select(e => e.Name).SingleAsync(cancellationToken);
        View = new KeyFiguresView(epciName, "epci", await keyFigures.ForAsync(null, clock.Today, cancellationToken));
        return Page();
    }
}
