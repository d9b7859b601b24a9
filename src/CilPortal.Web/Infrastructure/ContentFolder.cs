namespace CilPortal.Web.Infrastructure;

/// <summary>Finds the <c>content/</c> folder: configured path, else the repository's, else the copy next to the binaries.</summary>
public static class ContentFolder
{
    public static string? Resolve(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        string[] candidates =
        [
            Path.Combine(contentRoot, "content"),
            Path.GetFullPath(Path.Combine(contentRoot, "..", "..", "content")),
            Path.Combine(AppContext.BaseDirectory, "content"),
        ];
        return candidates.FirstOrDefault(Directory.Exists);
    }
}
