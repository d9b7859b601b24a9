namespace CilPortal.Web.Content;

/// <summary>Sections of the information pages, in menu order, with their French titles.</summary>
public static class ContentSections
{
    public static readonly IReadOnlyList<(string Key, string Title)> All =
    [
        ("demander", "Faire une demande"),
        ("attribution", "L'attribution d'un logement"),
        ("politique", "La politique du territoire"),
        ("echanger", "Échanger son logement"),
        ("site", "À propos du site"),
    ];

    public static string TitleOf(string key) => All.FirstOrDefault(s => s.Key == key).Title ?? "Autres informations";
}

/// <summary>A Markdown page of <c>content/</c>, rendered and sanitised.</summary>
public sealed record ContentPage(
    string Slug,
    string Title,
    string Description,
    string Section,
    int Order,
    DateOnly? Updated,
    string Html,
    string PlainText);

/// <summary>A section of the information pages with its pages.</summary>
public sealed record ContentSection(string Key, string Title, IReadOnlyList<ContentPage> Pages);
