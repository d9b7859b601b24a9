using CilPortal.Infrastructure.Allocations;
using CilPortal.Infrastructure.Importers;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Bailleur.Attributions;

/// <summary>Upload of CALEOL examinations (CSV) into the agent's own bailleur, with the same rules as the form.</summary>
[RequestSizeLimit(FileUploads.CsvMaxBytes + 1_000_000)]
public class ImportModel(AllocationImporter importer, CaleolService caleol, ILogger<ImportModel> logger) : BailleurPageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public ImportReportView? Report { get; private set; }

    public IReadOnlyList<string> Reservataires { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!FileUploads.IsAcceptable(Upload, ModelState, nameof(Upload), "un fichier CSV d'examens"))
        {
            return Page();
        }

        await using var stream = Upload!.OpenReadStream();
        var report = await importer.ImportAsync(BailleurId, stream, cancellationToken);
        Report = new ImportReportView(
            $"{report.Read} ligne(s) lue(s) : {report.Examinations} examen(s) enregistré(s) dont {report.Leases} suivi(s) d'un bail, {report.AlreadyKnown} déjà connu(s).",
            [], report.Errors);
        logger.LogInformation("Import d'attributions « {File} » par {User} : {Result}.", Upload.FileName, User.Identity?.Name, report.Succeeded ? "réussi" : "refusé");
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Reservataires = await caleol.ReservatairesFor(BailleurId).OrderBy(r => r.Name).Select(r => r.Name).ToListAsync(cancellationToken);
}
