using CilPortal.Infrastructure.Importers;

namespace CilPortal.Web.Infrastructure;

/// <summary>
/// The <c>import-sne</c> and <c>import-evenements</c> commands: import a file and print the report.
/// Exit code 0 when imported, 1 when refused (nothing saved), 2 when the file is missing.
/// </summary>
public static class SneImportCommand
{
    public static Task<int> RunAsync(IServiceProvider services, string path, TextWriter output) =>
        RunAsync(services, path, output, async (scope, file, today) =>
        {
            var report = await scope.GetRequiredService<SneImporter>().ImportAsync(file, today);
            return (report.Succeeded,
                $"Import réussi : {report.Read} demande(s) lue(s), {report.Created} créée(s), {report.Updated} mise(s) à jour, {report.Unchanged} inchangée(s).",
                report.Errors.Select(e => e.ToString()).ToList());
        });

    public static Task<int> RunEventsAsync(IServiceProvider services, string path, TextWriter output) =>
        RunAsync(services, path, output, async (scope, file, today) =>
        {
            var report = await scope.GetRequiredService<DemandEventImporter>().ImportAsync(file, today);
            return (report.Succeeded,
                $"Import réussi : {report.Read} événement(s) lu(s), {report.Recorded} enregistré(s), {report.AlreadyKnown} déjà connu(s).",
                report.Errors.Select(e => e.ToString()).ToList());
        });

    private static async Task<int> RunAsync(
        IServiceProvider services,
        string path,
        TextWriter output,
        Func<IServiceProvider, Stream, DateOnly, Task<(bool Succeeded, string Success, IReadOnlyList<string> Errors)>> import)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!File.Exists(path))
        {
            await output.WriteLineAsync($"Fichier introuvable : {path}");
            return 2;
        }

        using var scope = services.CreateScope();
        await using var file = File.OpenRead(path);
        var (succeeded, success, errors) = await import(scope.ServiceProvider, file, scope.ServiceProvider.GetRequiredService<ParisClock>().Today);
        if (succeeded)
        {
            await output.WriteLineAsync(success);
            return 0;
        }

        await output.WriteLineAsync($"Import refusé, rien n'a été enregistré : {errors.Count} erreur(s).");
        foreach (var error in errors)
        {
            await output.WriteLineAsync(error);
        }

        return 1;
    }
}
