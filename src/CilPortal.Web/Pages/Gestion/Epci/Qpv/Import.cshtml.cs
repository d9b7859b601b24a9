using CilPortal.Infrastructure.Importers;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages.Gestion.Epci.Qpv;

/// <summary>Upload of the QPV list (CSV) and, in a second form, of their contours (GeoJSON); each with its report.</summary>
[RequestSizeLimit(FileUploads.CsvMaxBytes + 1_000_000)]
public class ImportModel(QpvImporter importer, CilPortal.Infrastructure.Audit.AuditLog audit, ILogger<ImportModel> logger) : PageModel
{
    /// <summary>The size of a contours file.</summary>
    public const long GeoJsonMaxBytes = 10L * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public IFormFile? Contours { get; set; }

    public ImportReportView? ListReport { get; private set; }

    public ImportReportView? ContoursReport { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(Contours));
        if (!FileUploads.IsAcceptable(Upload, ModelState, nameof(Upload), "un fichier CSV de QPV"))
        {
            return Page();
        }

        await using var stream = Upload!.OpenReadStream();
        var report = await importer.ImportListAsync(stream, cancellationToken);
        var kept = report.Kept.Count == 0
            ? "Tous les QPV connus figurent dans le fichier."
            : $"{report.Kept.Count} QPV absent(s) du fichier conservé(s), car des résidences peuvent y être rattachées : {string.Join(", ", report.Kept)}.";
        if (report.Succeeded)
        {
            await audit.WriteAsync(HttpContext.Actor(), CilPortal.Infrastructure.Audit.AuditActions.QpvImport, $"Liste des QPV importée ({Upload.FileName}) : {report.Created} créé(s), {report.Updated} mis à jour.", cancellationToken: cancellationToken);
        }

        ListReport = new ImportReportView($"{report.Read} QPV lu(s) : {report.Created} créé(s), {report.Updated} mis à jour. {kept}", [], report.Errors);
        logger.LogInformation("Import de la liste des QPV « {File} » par {User} : {Result}.", Upload.FileName, User.Identity?.Name, report.Succeeded ? "réussi" : "refusé");
        return Page();
    }

    public async Task<IActionResult> OnPostContoursAsync(CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(Upload));
        if (!FileUploads.IsAcceptable(Contours, ModelState, nameof(Contours), "un fichier GeoJSON de contours", GeoJsonMaxBytes))
        {
            return Page();
        }

        await using var stream = Contours!.OpenReadStream();
        var report = await importer.ImportContoursAsync(stream, cancellationToken);
        if (report.Succeeded)
        {
            await audit.WriteAsync(HttpContext.Actor(), CilPortal.Infrastructure.Audit.AuditActions.QpvImport, $"Contours des QPV importés ({Contours.FileName}) : {report.Updated} QPV mis à jour.", cancellationToken: cancellationToken);
        }

        ContoursReport = new ImportReportView($"{report.Read} contour(s) lu(s) : {report.Updated} QPV mis à jour. Les QPV absents du fichier gardent leur contour.", [], report.Errors);
        logger.LogInformation("Import des contours de QPV « {File} » par {User} : {Result}.", Contours.FileName, User.Identity?.Name, report.Succeeded ? "réussi" : "refusé");
        return Page();
    }
}
