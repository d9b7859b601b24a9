using CilPortal.Infrastructure.Importers;

namespace CilPortal.Web.Infrastructure;

/// <summary>The <c>import-sne</c> command: imports a file and prints the report; exit code 0 only when it was imported.</summary>
public static class SneImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string path, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!File.Exists(path))
        {
            await output.WriteLineAsync($"Fichier introuvable : {path}");
            return 2;
        }

        using var scope = services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<SneImporter>();
        await using var file = File.OpenRead(path);
        var report = await importer.ImportAsync(file, scope.ServiceProvider.GetRequiredService<ParisClock>().Today);
        if (report.Succeeded)
        {
            await output.WriteLineAsync($"Import réussi : {report.Read} demande(s) lue(s), {report.Created} créée(s), {report.Updated} mise(s) à jour, {report.Unchanged} inchangée(s).");
            return 0;
        }

        await output.WriteLineAsync($"Import refusé, rien n'a été enregistré : {report.Errors.Count} erreur(s).");
        foreach (var error in report.Errors)
        {
            await output.WriteLineAsync(error.ToString());
        }

        return 1;
    }

    /// <summary>The <c>import-evenements</c> command: imports a CSV of dated events; exit code 0 only when it was imported.</summary>
    public static async Task<int> RunEventsAsync(IServiceProvider services, string path, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!File.Exists(path))
        {
            await output.WriteLineAsync($"Fichier introuvable : {path}");
            return 2;
        }

        using var scope = services.CreateScope();
        await using var file = File.OpenRead(path);
        var report = await scope.ServiceProvider.GetRequiredService<DemandEventImporter>().ImportAsync(file, scope.ServiceProvider.GetRequiredService<ParisClock>().Today);
        if (report.Succeeded)
        {
            await output.WriteLineAsync($"Import réussi : {report.Read} événement(s) lu(s), {report.Recorded} enregistré(s), {report.AlreadyKnown} déjà connu(s).");
            return 0;
        }

        await output.WriteLineAsync($"Import refusé, rien n'a été enregistré : {report.Errors.Count} erreur(s).");
        foreach (var error in report.Errors)
        {
            await output.WriteLineAsync(error.ToString());
        }

        return 1;
    }
}
