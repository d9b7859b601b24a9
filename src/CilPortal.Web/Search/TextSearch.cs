using System.Globalization;
using System.Text;

namespace CilPortal.Web.Search;

/// <summary>A searchable document: a title, a summary and a body, with where it leads.</summary>
public sealed record SearchDocument(string Kind, string Title, string Summary, string Body, string Url);

public sealed record SearchHit(SearchDocument Document, int Score);

/// <summary>
/// Accent- and case-insensitive search over a few hundred documents. French stop words are ignored and
/// a final s or x does not matter; a document matching more words of the query comes first, then
/// hits in the title weigh most, then the summary, then the body. Words match as prefixes.
/// </summary>
public static class TextSearch
{
    public const int MaxQueryLength = 200;
    private const int TitleWeight = 10;
    private const int SummaryWeight = 4;
    private const int BodyWeight = 1;
    private const int MaxBodyHitsCounted = 5;
    private const int PerMatchedTerm = 1000;

    private static readonly HashSet<string> StopWords =
    [
        "le", "la", "les", "l", "un", "une", "de", "des", "du", "d", "et", "ou", "a", "au", "aux", "en", "dan", "pour", "par", "sur", "avec",
        "ce", "cet", "cette", "ce", "mon", "ma", "me", "mes", "ton", "ta", "te", "son", "sa", "se", "notre", "no", "votre", "vo", "leur",
        "je", "j", "tu", "il", "elle", "on", "nou", "vou", "qui", "que", "qu", "quoi", "quel", "quelle", "est", "sont", "sui", "etre",
        "avoir", "ai", "y", "ne", "n", "pa", "plu", "comment", "faire", "cherche", "chercher", "veux", "voudrai", "peux", "puis",
        "nos", "vos", "ces", "ses", "mes", "tes",
    ];

    public static IReadOnlyList<SearchHit> Find(IEnumerable<SearchDocument> documents, string? query, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var terms = Words(Truncate(query)).Where(t => t.Length >= 2 && !StopWords.Contains(t)).Distinct().ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        var hits = new List<SearchHit>();
        foreach (var document in documents)
        {
            var title = Words(document.Title).ToList();
            var summary = Words(document.Summary).ToList();
            var body = Words(document.Body).ToList();
            var score = 0;
            foreach (var term in terms)
            {
                var inTitle = title.Count(w => w.StartsWith(term, StringComparison.Ordinal));
                var inSummary = summary.Count(w => w.StartsWith(term, StringComparison.Ordinal));
                var inBody = Math.Min(MaxBodyHitsCounted, body.Count(w => w.StartsWith(term, StringComparison.Ordinal)));
                if (inTitle + inSummary + inBody > 0)
                {
                    score += PerMatchedTerm + (inTitle * TitleWeight) + (inSummary * SummaryWeight) + (inBody * BodyWeight);
                }
            }

            if (score > 0)
            {
                hits.Add(new SearchHit(document, score));
            }
        }

        return [.. hits.OrderByDescending(h => h.Score).ThenBy(h => h.Document.Title, StringComparer.Ordinal).Take(limit)];
    }

    /// <summary>Lower-case words without accents nor final s/x: "Délais d'ATTENTE" → "delai", "d", "attente".</summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                yield return Singular(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return Singular(word.ToString());
        }
    }

    private static string Singular(string word) =>
        word.Length > 3 && (word[^1] == 's' || word[^1] == 'x') ? word[..^1] : word;

    private static string Truncate(string? query) =>
        query is null ? "" : query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;
}
