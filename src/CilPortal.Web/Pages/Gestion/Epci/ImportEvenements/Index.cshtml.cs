using CilPortal.Infrastructure.Importers;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages.Gestion.Epci.ImportEvenements;

/// <summary>Upload of a CSV of dated demand events by the EPCI administrator, and its report.</summary>
[RequestSizeLimit(MaxFileBytes + 1_000_000)]
public class IndexModel(DemandEventImporter importer, ParisClock clock, ILogger<IndexModel> logger) : PageModel
{
    public const long MaxFileBytes = 20L * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public EventImportReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choisissez un fichier CSV d'événements.");
            return Page();
        }

        if (Upload.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), "Le fichier dépasse 20 Mo : découpez l'export.");
            return Page();
        }

        await using var stream = Upload.OpenReadStream();
        Report = await importer.ImportAsync(stream, clock.Today, cancellationToken);
        logger.LogInformation("Import d'événements « {File} » par {User} : {Result}.", Upload.FileName, User.Identity?.Name, Report.Succeeded ? "réussi" : "refusé");
        return Page();
    }
}
