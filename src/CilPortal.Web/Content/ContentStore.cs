using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CilPortal.Web.Content;

/// <summary>
/// Reads the Markdown pages of <c>content/</c> once, renders them with HTML disabled, sanitises the
/// output, and reloads when a file changes. Pages are looked up by slug in memory: a request never
/// builds a file path.
/// </summary>
public sealed partial class ContentStore : IDisposable
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoIdentifiers()
        .UseEmphasisExtras()
        .Build();

    private static readonly IDeserializer FrontMatterReader = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    private readonly PhysicalFileProvider? files;
    private readonly ILogger<ContentStore> logger;
    private readonly HtmlSanitizer sanitizer = CreateSanitizer();
    private readonly Lock gate = new();
    private FrozenDictionary<string, ContentPage>? pages;
    private IDisposable? watch;

    public ContentStore(string? folder, ILogger<ContentStore> logger)
    {
        this.logger = logger;
        if (folder is not null && Directory.Exists(folder))
        {
            files = new PhysicalFileProvider(Path.GetFullPath(folder));
        }
        else
        {
            logger.LogWarning("Dossier des pages d'information introuvable : {Folder}", folder);
        }
    }

    public IReadOnlyCollection<ContentPage> All => Pages.Values;

    private FrozenDictionary<string, ContentPage> Pages
    {
        get
        {
            var current = pages;
            if (current is not null)
            {
                return current;
            }

            lock (gate)
            {
                return pages ??= Load();
            }
        }
    }

    public static bool IsValidSlug(string? slug) => slug is not null && SlugPattern().IsMatch(slug);

    public ContentPage? Find(string? slug) =>
        IsValidSlug(slug) && Pages.TryGetValue(slug!, out var page) ? page : null;

    /// <summary>Pages of a section, in order.</summary>
    public IReadOnlyList<ContentPage> InSection(string section) =>
        [.. Pages.Values.Where(p => p.Section == section).OrderBy(p => p.Order).ThenBy(p => p.Title, CilPortal.Infrastructure.Statistics.CommuneNames.FrenchOrder)];

    /// <summary>The sections that have pages, in menu order, each with its pages in order.</summary>
    public IReadOnlyList<ContentSection> Sections() =>
        [.. ContentSections.All
            .Select(s => new ContentSection(s.Key, s.Title, InSection(s.Key)))
            .Where(s => s.Pages.Count > 0)];

    public void Dispose()
    {
        watch?.Dispose();
        files?.Dispose();
    }

    private FrozenDictionary<string, ContentPage> Load()
    {
        if (files is null)
        {
            return FrozenDictionary<string, ContentPage>.Empty;
        }

        watch?.Dispose();
        watch = ChangeToken.OnChange(() => files.Watch("**/*.md"), () =>
        {
            lock (gate)
            {
                pages = null;
            }
        });

        var loaded = new Dictionary<string, ContentPage>(StringComparer.Ordinal);
        foreach (var file in files.GetDirectoryContents("").Where(f => !f.IsDirectory && f.Name.EndsWith(".md", StringComparison.Ordinal)))
        {
            var slug = Path.GetFileNameWithoutExtension(file.Name);
            if (!IsValidSlug(slug))
            {
                logger.LogWarning("Page ignorée, nom de fichier invalide : {File}", file.Name);
                continue;
            }

            try
            {
                using var stream = file.CreateReadStream();
                using var reader = new StreamReader(stream);
                loaded[slug] = Parse(slug, reader.ReadToEnd());
            }
            catch (Exception e) when (e is YamlDotNet.Core.YamlException or IOException or FormatException)
            {
                // One broken or half-saved file must not take the other pages down.
                logger.LogError(e, "Page ignorée, fichier illisible : {File}", file.Name);
            }
        }

        return loaded.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private ContentPage Parse(string slug, string text)
    {
        var frontMatter = new FrontMatter();
        var body = text;
        var match = FrontMatterPattern().Match(text);
        if (match.Success)
        {
            frontMatter = FrontMatterReader.Deserialize<FrontMatter>(match.Groups["yaml"].Value) ?? new FrontMatter();
            body = text[match.Length..];
        }

        var html = sanitizer.Sanitize(Markdown.ToHtml(body, Pipeline));
        DateOnly? updated = DateOnly.TryParseExact(frontMatter.Updated, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        return new ContentPage(slug, frontMatter.Title ?? slug, frontMatter.Description ?? "", frontMatter.Section ?? "", frontMatter.Order, updated, html, Markdown.ToPlainText(body, Pipeline));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["https", "http", "mailto", "tel"]);
        sanitizer.AllowedAttributes.Add("id");
        return sanitizer;
    }

    [GeneratedRegex("^[a-z0-9-]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"\A---\r?\n(?<yaml>.*?)\r?\n---\r?\n", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex FrontMatterPattern();

    private sealed class FrontMatter
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        public string? Section { get; set; }

        public int Order { get; set; }

        public string? Updated { get; set; }
    }
}
