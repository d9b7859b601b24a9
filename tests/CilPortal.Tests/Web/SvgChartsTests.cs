using System.Xml.Linq;
using CilPortal.Web.Infrastructure.Charts;
using CsCheck;

namespace CilPortal.Tests.Web;

public class SvgChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XElement Parse(string markup) => XDocument.Parse(markup, LoadOptions.PreserveWhitespace).Root!;

    private static IEnumerable<XElement> WithClass(XElement svg, string name, string cssClass) =>
        svg.Descendants(Svg + name).Where(e => ((string?)e.Attribute("class") ?? "").Split(' ').Contains(cssClass));

    private static (string Title, string Description) Labels(XElement svg)
    {
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Matches(@"^0 0 \d+ \d+$", (string?)svg.Attribute("viewBox"));
        Assert.Null(svg.Attribute("width"));
        var ids = ((string?)svg.Attribute("aria-labelledby"))!.Split(' ');
        Assert.Equal(2, ids.Length);
        var title = svg.Descendants().Single(e => (string?)e.Attribute("id") == ids[0]);
        var description = svg.Descendants().Single(e => (string?)e.Attribute("id") == ids[1]);
        Assert.Equal((Svg + "title", Svg + "desc"), (title.Name, description.Name));
        return (title.Value, description.Value);
    }

    [Fact]
    public void A_monthly_chart_of_counts_has_twelve_month_labels_a_bar_per_month_with_data_and_a_french_description()
    {
        var markup = SvgCharts.MonthlyBars("baux", "Baux signés par mois en 2026", [3, 5, 0, 12, 1, 0, 0, 0, 0, 0, 0, 7]);

        var svg = Parse(markup);
        var (title, description) = Labels(svg);
        Assert.Equal("Baux signés par mois en 2026", title);
        Assert.StartsWith("janv. : 3 ; févr. : 5 ; mars : 0 ; avr. : 12", description, StringComparison.Ordinal);
        Assert.EndsWith("déc. : 7. Total : 28.", description, StringComparison.Ordinal);
        Assert.Equal(12, WithClass(svg, "rect", "chart__bar").Count());
        Assert.Equal(SvgCharts.Months, WithClass(svg, "text", "chart__label").Select(t => t.Value));
        Assert.Empty(WithClass(svg, "line", "chart__target"));
        Assert.DoesNotContain("fill=", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_monthly_chart_of_shares_draws_the_target_line_marks_the_months_that_reach_it_and_skips_months_without_data()
    {
        decimal?[] shares = [10m, 30m, null, 25m, 24.9m, null, null, null, null, null, null, null];

        var svg = Parse(SvgCharts.MonthlyBars("part-q1", "Part du premier quartile hors QPV", shares, ChartUnit.Percent, 25m));

        var (_, description) = Labels(svg);
        Assert.Contains("janv. : 10,0\u00a0% ; févr. : 30,0\u00a0% ; mars : aucune donnée", description, StringComparison.Ordinal);
        Assert.EndsWith("Objectif : 25\u00a0%.", description, StringComparison.Ordinal);
        Assert.Equal(4, WithClass(svg, "rect", "chart__bar").Count());
        Assert.Equal(2, WithClass(svg, "rect", "chart__bar--reached").Count());
        Assert.Equal(2, WithClass(svg, "line", "chart__target").Count());
        Assert.Single(WithClass(svg, "line", "chart__target--key"));
        Assert.Equal("Objectif 25\u00a0%", WithClass(svg, "text", "chart__target-label").Single().Value);
        Assert.Equal(["10", "30", "25", "25"], WithClass(svg, "text", "chart__value").Select(t => t.Value));
    }

    [Fact]
    public void A_monthly_chart_needs_twelve_values_and_a_plain_id()
    {
        Assert.Throws<ArgumentException>(() => SvgCharts.MonthlyBars("baux", "Baux", [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => SvgCharts.MonthlyBars("baux\" onload=\"x", "Baux", new int[12]));
        Assert.Throws<ArgumentException>(() => SvgCharts.MonthlyBars("baux", "Baux", [-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    }

    [Fact]
    public void A_share_chart_has_a_bar_and_a_target_marker_per_row_and_escapes_the_labels()
    {
        ShareRow[] rows =
        [
            new("<Bailleur & Co>", 30m, 25m),
            new("Habitat \"Ain\" l'Ouest", 12.5m, 25m),
            new("Sans bail", null, 25m),
        ];

        var markup = SvgCharts.ShareBars("par-bailleur", "Premier quartile hors QPV par bailleur", rows);

        Assert.Contains("&lt;Bailleur &amp; Co&gt;", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("<Bailleur", markup, StringComparison.Ordinal);
        var svg = Parse(markup);
        var (title, description) = Labels(svg);
        Assert.Equal("Premier quartile hors QPV par bailleur", title);
        Assert.Equal(
            "<Bailleur & Co> : 30,0\u00a0% (objectif 25\u00a0%, atteint) ; Habitat \"Ain\" l'Ouest : 12,5\u00a0% (objectif 25\u00a0%, non atteint) ; Sans bail : aucune donnée (objectif 25\u00a0%).",
            description);
        Assert.Equal(["<Bailleur & Co>", "Habitat \"Ain\" l'Ouest", "Sans bail"], WithClass(svg, "text", "chart__label").Select(t => t.Value));
        Assert.Equal(2, WithClass(svg, "rect", "chart__bar").Count());
        Assert.Single(WithClass(svg, "rect", "chart__bar--reached"));
        Assert.Equal(3, WithClass(svg, "line", "chart__target").Count());
        Assert.Equal(["30,0\u00a0% ✓", "12,5\u00a0%", "aucune donnée"], WithClass(svg, "text", "chart__value").Select(t => t.Value));
    }

    [Fact]
    public void An_empty_share_chart_says_there_is_no_data()
    {
        var svg = Parse(SvgCharts.ShareBars("vide", "Rien", []));

        Assert.Equal("Aucune donnée.", Labels(svg).Description);
        Assert.Empty(WithClass(svg, "rect", "chart__bar"));
    }

    [Fact]
    public void Any_label_gives_well_formed_markup_that_reads_back_the_same_text_less_what_xml_cannot_hold()
    {
        var anyText = Gen.OneOf(Gen.Char['\0', '\uD7FF'], Gen.OneOf('<', '>', '&', '"', '\'', '\t', '\u0001', '\uFFFF')).Array[0, 30].Select(chars => new string(chars));
        Gen.Select(anyText, anyText, Gen.Int[0, 100]).Sample((title, label, share) =>
        {
            var svg = Parse(SvgCharts.ShareBars("c", title, [new(label, share, 25m)]));

            static string Kept(string text) => new([.. text.Where(c => c >= ' ' && c != '\uFFFE' && c != '\uFFFF')]);
            Assert.Equal(Kept(title.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ')), svg.Element(Svg + "title")!.Value);
            Assert.Single(WithClass(svg, "text", "chart__label"));
        });
    }
}
