namespace CilPortal.Tests.Support;

/// <summary>Files of the repository itself (the folder holding CilPortal.sln, found above the tests' output folder).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every Razor file of the portal's pages, its path under Pages/ and its text (for the convention tests).</summary>
    public static IEnumerable<(string Name, string Text)> RazorPages()
    {
        var pages = Path.Combine(Root, "src", "CilPortal.Web", "Pages");
        return Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .Select(file => (Path.GetRelativePath(pages, file), File.ReadAllText(file)));
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CilPortal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CilPortal.sln introuvable au-dessus du dossier des tests.");
    }
}
