using CilPortal.Infrastructure.Importers;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages.Gestion.Epci.ImportSne;

/// <summary>Upload of an SNE interfaceNuu file by the EPCI administrator, and its report.</summary>
[RequestSizeLimit(MaxFileBytes + 1_000_000)]
public class IndexModel(SneImporter importer, ParisClock clock, ILogger<IndexModel> logger) : PageModel
{
    public const long MaxFileBytes = 100L * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public SneImportReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!FileUploads.IsAcceptable(Upload, ModelState, nameof(Upload), "un fichier XML du SNE (interfaceNuu)", MaxFileBytes))
        {
            return Page();
        }

        await using var stream = Upload!.OpenReadStream();
        Report = await importer.ImportAsync(stream, clock.Today, cancellationToken);
        logger.LogInformation("Import SNE « {File} » par {User} : {Result}.", Upload.FileName, User.Identity?.Name, Report.Succeeded ? "réussi" : "refusé");
        return Page();
    }
}
