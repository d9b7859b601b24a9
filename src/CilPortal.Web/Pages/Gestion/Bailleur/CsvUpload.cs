using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CilPortal.Web.Pages.Gestion.Bailleur;

/// <summary>Checks of an uploaded CSV before it is read: present, not empty, not too large.</summary>
public static class CsvUpload
{
    public const long MaxBytes = 10L * 1024 * 1024;

    public static bool IsAcceptable(IFormFile? upload, ModelStateDictionary modelState, string key)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (upload is null || upload.Length == 0)
        {
            modelState.AddModelError(key, "Choisissez un fichier CSV.");
            return false;
        }

        if (upload.Length > MaxBytes)
        {
            modelState.AddModelError(key, "Le fichier dépasse 10 Mo : découpez-le.");
            return false;
        }

        return true;
    }
}
