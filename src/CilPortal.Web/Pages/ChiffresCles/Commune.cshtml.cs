using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Statistics;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.ChiffresCles;

public class CommuneModel(CilPortalDbContext db, KeyFiguresService keyFigures, ParisClock clock) : PageModel
{
    public KeyFiguresView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string codeInsee, CancellationToken cancellationToken)
    {
        var name = await db.Communes.Where(c => c.InseeCode == codeInsee).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return NotFound();
        }

        View = new KeyFiguresView(name, "commune", await keyFigures.ForAsync(codeInsee, clock.Today, cancellationToken));
        return Page();
    }
}
