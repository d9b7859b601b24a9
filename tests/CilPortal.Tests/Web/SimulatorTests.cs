using System.Net;
using CilPortal.Tests.Support;

namespace CilPortal.Tests.Web;

public class SimulatorTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task A_single_parent_with_two_children_gets_category_4_and_the_2026_plus_answer()
    {
        var html = await Simulate(new() { ["Input.Adults"] = "1", ["Input.ChildrenAges"] = "4, 9", ["Input.ReferenceIncome"] = "30 000" });

        Assert.Contains("data-testid=\"simulation-result\"", html, StringComparison.Ordinal);
        Assert.Contains("<strong>catégorie 4</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Autres régions", html, StringComparison.Ordinal);
        Assert.Contains("45 374 €", html.Replace('\u202F', ' ').Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.Contains("Les plafonds PLAI de", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Income_above_every_ceiling_is_told_no()
    {
        var html = await Simulate(new() { ["Input.Adults"] = "1", ["Input.ReferenceIncome"] = "90000" });

        Assert.Equal(2, html.Split("Non, vos revenus dépassent le plafond").Length - 1);
    }

    [Theory]
    [InlineData("0", "", "20000", "Le foyer compte entre 1 et 10 adultes.")]
    [InlineData("1", "", "-500", "sans signe moins")]
    [InlineData("1", "", "", "Indiquez le revenu fiscal de référence")]
    [InlineData("1", "", "beaucoup", "sans signe moins")]
    [InlineData("1", "", "99999999999", "trop élevé")]
    [InlineData("2", "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40", "20000", "au plus 15 enfants")]
    [InlineData("1", "trois", "20000", "Indiquez l'âge de chaque enfant")]
    public async Task Absurd_answers_get_a_french_message_and_no_result(string adults, string children, string income, string message)
    {
        var html = await Simulate(new() { ["Input.Adults"] = adults, ["Input.ChildrenAges"] = children, ["Input.ReferenceIncome"] = income });

        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"simulation-result\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Erreur : ", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("35.000", "35 000 €")]
    [InlineData("35 000,50", "35 001 €")]
    [InlineData("35000 €", "35 000 €")]
    public async Task Amounts_are_read_the_french_way(string typed, string understood)
    {
        var html = await Simulate(new() { ["Input.Adults"] = "1", ["Input.ReferenceIncome"] = typed });

        Assert.Contains($"Revenu fiscal de référence : {understood}", html.Replace('\u202F', ' ').Replace('\u00A0', ' '), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dot_as_decimal_mark_is_refused_rather_than_misread()
    {
        var html = await Simulate(new() { ["Input.Adults"] = "1", ["Input.ReferenceIncome"] = "35.5" });

        Assert.Contains("sans signe moins, par exemple 18 500", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_household_of_more_than_twenty_persons_is_sent_to_a_reception_point()
    {
        var html = await Simulate(new() { ["Input.Adults"] = "2", ["Input.ChildrenAges"] = "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15", ["Input.OtherDependants"] = "15", ["Input.ReferenceIncome"] = "20000" });

        Assert.Contains("au plus 20 personnes", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_checkbox_or_a_missing_commune_gets_a_message_not_a_500()
    {
        var forged = await Simulate(new() { ["Input.Adults"] = "1", ["Input.ReferenceIncome"] = "20000", ["Input.AnyoneDisabled"] = "peut-être" });
        var response = await client.PostFormAsync("/simulateur", new Dictionary<string, string> { ["Input.Adults"] = "1", ["Input.ReferenceIncome"] = "20000" });

        Assert.Contains("data-testid=\"simulation-result\"", forged, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choisissez la commune", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commune_outside_the_epci_is_refused()
    {
        var html = await Simulate(new() { ["Input.Adults"] = "1", ["Input.ReferenceIncome"] = "10000", ["Input.CommuneInseeCode"] = "75056" });

        Assert.Contains("Choisissez la commune où vous cherchez un logement.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_communes_are_listed_in_french_alphabetical_order()
    {
        var html = await client.GetStringAsync(new Uri("/simulateur", UriKind.Relative));

        // Ordinal (SQL) order put « Salles-d'Aude » before « Sallèles-d'Aude »: é and è sort with e in French.
        var salleles = html.IndexOf("value=\"11369\"", StringComparison.Ordinal);
        var salles = html.IndexOf("value=\"11370\"", StringComparison.Ordinal);
        Assert.True(salleles >= 0 && salles >= 0, "both communes are in the list");
        Assert.True(salleles < salles);
    }

    private async Task<string> Simulate(Dictionary<string, string> fields)
    {
        fields.TryAdd("Input.CommuneInseeCode", "11262");
        var response = await client.PostFormAsync("/simulateur", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
