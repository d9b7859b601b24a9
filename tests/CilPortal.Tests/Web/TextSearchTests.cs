using CilPortal.Web.Search;

namespace CilPortal.Tests.Web;

public class TextSearchTests
{
    private static readonly SearchDocument[] Documents =
    [
        new("Information", "Délai d'attente", "Combien de temps on attend", "Le délai dépend de la commune.", "/a"),
        new("Information", "Renouveler sa demande", "Chaque année", "Sinon le délai repart à zéro.", "/b"),
        new("Lieu d'accueil", "Maison de l'habitat — Narbonne", "12 boulevard des Platanes", "", "/c"),
    ];

    [Fact]
    public void Accents_and_case_do_not_matter() =>
        Assert.Equal("/a", TextSearch.Find(Documents, "DELAI ATTENTE")[0].Document.Url);

    [Fact]
    public void Title_hits_rank_above_body_hits()
    {
        var hits = TextSearch.Find(Documents, "délai");

        Assert.Equal(["/a", "/b"], hits.Select(h => h.Document.Url));
    }

    [Fact]
    public void Words_match_as_prefixes_and_more_matched_words_rank_first()
    {
        Assert.Equal(["/c"], TextSearch.Find(Documents, "maison narb").Select(h => h.Document.Url));
        Assert.Equal(["/c"], TextSearch.Find(Documents, "maison carcassonne").Select(h => h.Document.Url));
        Assert.Equal("/b", TextSearch.Find(Documents, "renouveler délai")[0].Document.Url);
        Assert.Empty(TextSearch.Find(Documents, "carcassonne"));
        Assert.Empty(TextSearch.Find(Documents, "   "));
        Assert.Empty(TextSearch.Find(Documents, null));
    }

    [Fact]
    public void French_stop_words_and_plurals_do_not_matter()
    {
        Assert.Empty(TextSearch.Find(Documents, "je cherche le la de"));
        Assert.Equal("/a", TextSearch.Find(Documents, "les délais d'attentes")[0].Document.Url);
    }
}
