using CilPortal.Infrastructure.Importers;
using CilPortal.Infrastructure.Time;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CilPortal.Web.Pages.Gestion.Bailleur.Patrimoine;

/// <summary>Upload of the agent's stock (CSV, RPLS-like columns) and its report; always into the agent's own bailleur.</summary>
[RequestSizeLimit(FileUploads.CsvMaxBytes + 1_000_000)]
public class ImportModel(StockImporter importer, ParisClock clock, ILogger<ImportModel> logger) : BailleurPageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public ImportReportView? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!FileUploads.IsAcceptable(Upload, ModelState, nameof(Upload), "un fichier CSV de patrimoine"))
        {
            return Page();
        }

        await using var stream = Upload!.OpenReadStream();
        var report = await importer.ImportAsync(BailleurId, stream, clock.Today, cancellationToken);
        Report = new ImportReportView(
            $"{report.Read} logement(s) lu(s) : {report.Created} créé(s), {report.Updated} mis à jour, {report.ResidencesCreated} résidence(s) nouvelle(s).",
            report.Warnings, report.Errors);
        logger.LogInformation("Import de patrimoine « {File} » par {User} : {Result}.", Upload.FileName, User.Identity?.Name, report.Succeeded ? "réussi" : "refusé");
        return Page();
    }
}
