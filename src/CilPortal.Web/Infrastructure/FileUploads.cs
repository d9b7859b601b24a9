using CilPortal.Infrastructure.Importers;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CilPortal.Web.Infrastructure;

/// <summary>Checks of an uploaded file before an import reads it: present, not empty, not too large.</summary>
public static class FileUploads
{
    /// <summary>The size of the portal's CSV imports.</summary>
    public const long CsvMaxBytes = 20L * 1024 * 1024;

    /// <param name="expected">What to choose, in French (« un fichier CSV d'événements »).</param>
    public static bool IsAcceptable(IFormFile? upload, ModelStateDictionary modelState, string key, string expected, long maxBytes = CsvMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (upload is null || upload.Length == 0)
        {
            modelState.AddModelError(key, $"Choisissez {expected}.");
            return false;
        }

        if (upload.Length > maxBytes)
        {
            modelState.AddModelError(key, $"Le fichier dépasse {maxBytes / (1024 * 1024)} Mo : découpez l'export.");
            return false;
        }

        return true;
    }
}

/// <summary>What the shared import report partial (<c>_ImportReport</c>) shows.</summary>
public sealed record ImportReportView(string Summary, IReadOnlyList<ImportLineError> Warnings, IReadOnlyList<ImportLineError> Errors);
