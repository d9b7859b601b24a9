using CilPortal.Infrastructure.Importers;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages.Gestion.Epci.ImportEvenements;

/// <summary>Upload of a CSV of dated demand events by the EPCI administrator, and its report.</summary>
[RequestSizeLimit(FileUploads.CsvMaxBytes + 1_000_000)]
public class IndexModel(DemandEventImporter importer, ParisClock clock, ILogger<IndexModel> logger) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public ImportReportView? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!FileUploads.IsAcceptable(Upload, ModelState, nameof(Upload), "un fichier CSV d'événements"))
        {
            return Page();
        }

        await using var stream = Upload!.OpenReadStream();
        var report = await importer.ImportAsync(stream, clock.Today, cancellationToken);
        Report = new ImportReportView($"{report.Read} événement(s) lu(s) : {report.Recorded} enregistré(s), {report.AlreadyKnown} déjà connu(s).", [], report.Errors);
        logger.LogInformation("Import d'événements « {File} » par {User} : {Result}.", Upload.FileName, User.Identity?.Name, report.Succeeded ? "réussi" : "refusé");
        return Page();
    }
}
